using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback.Counting;
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
        var counted = await FeedbackCounters.Read(session, consultation.Id, anchorsOf: null, cancellation);
        return new ReviewProgress(
            ResponseSchedule.DeadlineOf(consultation, schedule, options.Value), schedule is not null,
            counted.Groups.Sum(g => g.Count), counted.Groups.Sum(g => g.Responded), consultation.ResponsesPublishedAt);
    }
}
