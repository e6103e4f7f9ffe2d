using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Responding;

/// <summary>
/// An official of the drafting agency answers one item: a decision and its explanation. Only once the
/// consultation is closed (the items are final, so an author's revision never races an answer); the answers
/// stay drafts, private to officials, until they are published, and are then the record. Where the consultation
/// names its drafting agency only that agency's officials answer (<see cref="DraftingAgencies"/>); others still read.
/// </summary>
public sealed record RespondToFeedback(Guid FeedbackId, string? Decision, string? Explanation, Caller Official, Guid? GroupId = null)
{
    public const int MaxExplanationLength = 20_000;

    public static Common.Decision Decide(FeedbackState item, FeedbackTarget target, RespondToFeedback command, DateTimeOffset now)
    {
        if (!command.Official.IsOfficial) return Common.Decision.Forbid(DomainText.RespondOfficialsOnly);
        if (!DraftingAgencies.MayRespond(command.Official, target.DraftingAgencyId)) return Common.Decision.Forbid(DraftingAgencies.NotYourAgency);
        if (Validate(command.Decision, command.Explanation) is { } errors) return Common.Decision.Invalid(errors);
        if (item.Withdrawn) return Common.Decision.Conflict(DomainText.RespondWithdrawn);
        if (item.Hidden) return Common.Decision.Conflict(DomainText.RespondHidden);
        if (target.Status == ConsultationStatus.Responded) return Common.Decision.Conflict(DomainText.ResponsesPublishedNoEdit);
        if (target.Status != ConsultationStatus.Closed) return Common.Decision.Conflict(DomainText.RespondAfterCloseOnly);
        _ = KebabCase.TryParse<ResponseDecision>(command.Decision, out var decision);
        var explanation = string.IsNullOrWhiteSpace(command.Explanation) ? null : command.Explanation;
        return Common.Decision.Accept(new FeedbackResponded(
            item.Id, item.ConsultationId, decision, explanation, command.GroupId, command.Official.UserName, now));
    }

    /// <summary>The field errors of a decision and explanation, or null when they are good; shared with group answers.</summary>
    public static Dictionary<string, string[]>? Validate(string? decisionText, string? explanation)
    {
        var errors = new Dictionary<string, string[]>();
        if (!KebabCase.TryParse<ResponseDecision>(decisionText, out var decision))
            errors["decision"] = [DomainText.DecisionMustBeOneOf(KebabCase.Names<ResponseDecision>())];
        TextRules.Check(explanation, "explanation", MaxExplanationLength,
            required: errors.Count == 0 && decision.NeedsExplanation(), DomainText.LabelExplanation, errors);
        return errors.Count > 0 ? errors : null;
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class RespondToFeedbackHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(RespondToFeedback command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, null,
            (item, target, now) => RespondToFeedback.Decide(item, target, command, now), cancellation);
}
