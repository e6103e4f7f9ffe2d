using Marten;

namespace Nq45Consult.Consultation.Cases.SubmittingReview;

/// <summary>
/// A reviewer submits the review as last saved, once: it then reads as final to everyone involved in the case and
/// changes no more. It needs its conclusion.
/// </summary>
public sealed record SubmitReview(Guid CaseId, Caller Reviewer)
{
    public static Decision Decide(CritiqueCase? found, SubmitReview command, CaseReview? existing, DateTimeOffset now)
    {
        if (CaseChange.Unseen(found, command.Reviewer) is { } unseen) return unseen;
        if (CaseReview.SeatOf(found!, command.Reviewer) is null) return Decision.Forbid(DomainText.CaseReviewersOnly);
        if (existing is null) return Decision.Conflict(DomainText.CaseReviewNoDraft);
        if (existing.IsSubmitted) return Decision.Conflict(DomainText.CaseReviewAlreadySubmitted);
        if (existing.Content.Conclusion is null) return Decision.Invalid("conclusion", DomainText.CaseReviewConclusionRequired);
        return Decision.Accept(new ReviewSubmitted(existing.Id, existing.CaseId, existing.MemberId, now));
    }
}

public sealed class SubmitReviewHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(SubmitReview command, CancellationToken cancellation) =>
        ReviewChange.Run(store, command.CaseId, command.Reviewer,
            (_, c, existing) => Task.FromResult(SubmitReview.Decide(c, command, existing, time.GetUtcNow())), cancellation);
}
