using Marten;

namespace Nq45Consult.Consultation.Feedback.Withdrawing;

/// <summary>The author takes their item back while the consultation is open; it stays in the history.</summary>
public sealed record WithdrawFeedback(Guid FeedbackId, Caller Author, long? ExpectedVersion = null)
{
    public static Decision Decide(FeedbackState item, FeedbackTarget target, WithdrawFeedback command, DateTimeOffset now)
    {
        if (!item.IsAuthor(command.Author.UserName)) return Decision.Forbid(DomainText.FeedbackWithdrawAuthorOnly);
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));
        if (item.Withdrawn) return Decision.Conflict(DomainText.FeedbackAlreadyWithdrawn);
        return Decision.Accept(new FeedbackWithdrawn(item.Id, command.Author.UserName, now));
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class WithdrawFeedbackHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(WithdrawFeedback command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, command.ExpectedVersion,
            (item, target, now) => WithdrawFeedback.Decide(item, target, command, now), cancellation);
}
