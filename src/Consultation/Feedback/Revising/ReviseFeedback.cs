namespace Nq45Consult.Consultation.Feedback.Revising;

/// <summary>The author rewrites their item; the section and draft version it is about stay as submitted.</summary>
public sealed record ReviseFeedback(Guid FeedbackId, FeedbackInput Input, Participant Author)
{
    public static Decision Decide(FeedbackState item, FeedbackTarget target, ReviseFeedback command, DateTimeOffset now)
    {
        if (!item.IsAuthor(command.Author.UserName)) return Decision.Forbid("Chỉ tác giả mới sửa được góp ý này.");
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));
        if (item.Withdrawn) return Decision.Conflict("Góp ý đã được rút, không sửa được nữa.");

        var errors = new Dictionary<string, string[]>();
        // The runner builds the target from the draft version the item was written against, so a quote is
        // checked against the text the author saw, even after a newer version is published.
        var sectionText = item.SectionAnchor is { } anchor ? target.Section(anchor)?.Text : null;
        var content = FeedbackContent.From(command.Input, sectionText, errors);
        if (content is null) return Decision.Invalid(errors);
        return Decision.Accept(new FeedbackRevised(item.Id, content, command.Author.UserName, now));
    }
}
