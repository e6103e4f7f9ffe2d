using Marten;

namespace Nq45Consult.Consultation.Feedback.Revising;

/// <summary>
/// The author rewrites their item; the section and draft version it is about stay as submitted.
/// <see cref="ExpectedVersion"/>: the stream version the author edited (the API's If-Match, the form's hidden field).
/// </summary>
public sealed record ReviseFeedback(Guid FeedbackId, FeedbackInput Input, Caller Author, long? ExpectedVersion = null)
{
    public static Decision Decide(FeedbackState item, FeedbackTarget target, ReviseFeedback command, DateTimeOffset now)
    {
        if (!item.IsAuthor(command.Author.UserName)) return Decision.Forbid(DomainText.FeedbackReviseAuthorOnly);
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));
        if (item.Withdrawn) return Decision.Conflict(DomainText.FeedbackWithdrawnNoEdit);

        var errors = new Dictionary<string, string[]>();
        // The handler builds the target from the draft version the item was written against, so a quote is
        // checked against the text the author saw, even after a newer version is published.
        var sectionText = item.SectionAnchor is { } anchor ? target.Section(anchor)?.Text : null;
        var content = FeedbackContent.From(command.Input, sectionText, errors);
        if (content is null) return Decision.Invalid(errors);
        return Decision.Accept(new FeedbackRevised(item.Id, content, command.Author.UserName, now));
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class ReviseFeedbackHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(ReviseFeedback command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, command.ExpectedVersion,
            (item, target, now) => ReviseFeedback.Decide(item, target, command, now), cancellation);
}
