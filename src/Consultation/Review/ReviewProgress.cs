using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Deadlines;

namespace Nq45Consult.Consultation.Review;

/// <summary>How far the drafting agency is with its answers: public items, how many answered, by when all must be.</summary>
public sealed record ReviewProgress(DateTimeOffset Deadline, bool DeadlineSetExplicitly, int Items, int Responded, DateTimeOffset? PublishedAt)
{
    public int Unanswered => Items - Responded;

    public bool Overdue(DateTimeOffset now) => Unanswered > 0 && PublishedAt is null && now > Deadline;
}

public sealed class ReviewProgressQuery(IQuerySession session, IOptions<ReviewOptions> options)
{
    public async Task<ReviewProgress> Of(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var schedule = await session.LoadAsync<ResponseSchedule>(consultation.Id, cancellation);
        var items = session.Query<FeedbackItem>().Where(x => x.ConsultationId == consultation.Id && x.Status == FeedbackStatus.Published);
        var count = await items.CountAsync(cancellation);
        var responded = await items.Where(x => x.Response != null).CountAsync(cancellation);
        return new ReviewProgress(
            ResponseSchedule.DeadlineOf(consultation, schedule, options.Value), schedule is not null,
            count, responded, consultation.ResponsesPublishedAt);
    }
}
