using Nq45Consult.Consultation.Review;

namespace Nq45Consult.Web.Review;

public sealed record ResponseRequest(string? Decision, string? Explanation);

public sealed record DeadlineRequest(DateTimeOffset? Deadline);

public sealed record ReviewProgressView(
    DateTimeOffset Deadline, bool DeadlineSetExplicitly, int Items, int Responded, int Unanswered, bool Overdue, DateTimeOffset? PublishedAt)
{
    public static ReviewProgressView Of(ReviewProgress p, DateTimeOffset now) =>
        new(p.Deadline, p.DeadlineSetExplicitly, p.Items, p.Responded, p.Unanswered, p.Overdue(now), p.PublishedAt);
}
