using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Review.Deadlines;

/// <summary>The response deadline a consultation was given explicitly (kept inline with the consultation's stream).</summary>
public sealed record ResponseSchedule(Guid Id, DateTimeOffset Deadline, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>The explicit deadline, else the default number of days after the consultation closed (or is due to).</summary>
    public static DateTimeOffset DeadlineOf(ConsultationDetails consultation, ResponseSchedule? schedule, ReviewOptions options) =>
        schedule?.Deadline ?? (consultation.ClosedAt ?? consultation.ClosesAt).AddDays(options.ResponseDays);
}

public sealed class ResponseScheduleProjection : SingleStreamProjection<ResponseSchedule, Guid>
{
    public static ResponseSchedule Create(ResponseDeadlineSet e) => new(e.ConsultationId, e.Deadline, e.SetBy, e.SetAt);

    public static ResponseSchedule Apply(ResponseDeadlineSet e, ResponseSchedule current) =>
        current with { Deadline = e.Deadline, SetBy = e.SetBy, SetAt = e.SetAt };
}
