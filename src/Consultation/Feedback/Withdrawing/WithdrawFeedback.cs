namespace Nq45Consult.Consultation.Feedback.Withdrawing;

/// <summary>The author takes their item back while the consultation is open; it stays in the history.</summary>
public sealed record WithdrawFeedback(Guid FeedbackId, Participant Author)
{
    public static FeedbackDecision Decide(FeedbackState item, FeedbackTarget target, WithdrawFeedback command, DateTimeOffset now)
    {
        if (!item.IsAuthor(command.Author.UserName)) return FeedbackDecision.Forbid("Chỉ tác giả mới rút được góp ý này.");
        if (!target.IsOpen) return FeedbackDecision.Conflict(FeedbackTarget.NotOpenReason(target.Status));
        if (item.Withdrawn) return FeedbackDecision.Conflict("Góp ý đã được rút trước đó.");
        return FeedbackDecision.Accept(new FeedbackWithdrawn(item.Id, command.Author.UserName, now));
    }
}
