using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Addressing;

/// <summary>
/// A moderator, or an official of the drafting agency (as for responses, <see cref="DraftingAgencies"/>), marks an
/// item as addressed by a later version of the draft: one published after the item's own, up to the current one.
/// The author sees it on "Góp ý của tôi", the public next to the item, and the report in its last column. Once the
/// responses are published the report is the record, and the marking no longer changes.
/// </summary>
public sealed record MarkFeedbackAddressed(Guid FeedbackId, int? Version, Caller Caller)
{
    public static Decision Decide(FeedbackState item, FeedbackTarget target, MarkFeedbackAddressed command, DateTimeOffset now)
    {
        if (!command.Caller.IsReviewer) return Decision.Forbid(DomainText.AddressedModeratorsOrOfficialsOnly);
        if (command.Caller.IsOfficial && !command.Caller.IsModerator && !DraftingAgencies.MayRespond(command.Caller, target.DraftingAgencyId))
            return Decision.Forbid(DraftingAgencies.NotYourAgency);
        if (command.Version is not { } version || version <= item.DraftVersion || version > target.Version)
            return Decision.Invalid("version",
                DomainText.AddressedVersionRange(item.DraftVersion, target.Version));
        if (item.Withdrawn) return Decision.Conflict(DomainText.AddressedWithdrawn);
        if (item.Hidden) return Decision.Conflict(DomainText.AddressedHidden);
        if (target.Status == ConsultationStatus.Responded) return Decision.Conflict(DomainText.ResponsesPublishedNoEdit);
        return Decision.Accept(new FeedbackAddressedInVersion(item.Id, item.ConsultationId, version, command.Caller.UserName, now));
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class MarkFeedbackAddressedHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(MarkFeedbackAddressed command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, null,
            (item, target, now) => MarkFeedbackAddressed.Decide(item, target, command, now), cancellation);
}
