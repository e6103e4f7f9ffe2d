using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Cases;

/// <summary>The steps of a case, in order; a declined request stops after its second.</summary>
public enum CaseStep
{
    Requested,
    Accepted,
    Declined,
    CouncilFormed,
    ConsultationOpen,
    ReviewsSubmitted,
    CouncilMeeting,
    ReportSent,
    AnswerReceived,
}

/// <summary>One step and when it was reached; null while it is still ahead.</summary>
public sealed record TimelineStep(CaseStep Step, DateTimeOffset? At);

/// <summary>The council's meeting: the session linked to the case, scheduled or held.</summary>
public sealed record CouncilMeeting(Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    /// <summary>When it was held, or else when it is scheduled.</summary>
    public DateTimeOffset At => StartedAt ?? StartsAt;
}

public static class CaseTimeline
{
    /// <summary>
    /// Derived from the case's events and the objects it links: its consultation's opening and its meeting's time, so a
    /// consultation opened or a session started later moves the timeline without a write to the case.
    /// </summary>
    /// <param name="reviewsSubmitted">When the second of the two reviewers' reviews was submitted (<see cref="CaseReview.AllSubmittedAt"/>).</param>
    public static IReadOnlyList<TimelineStep> Of(CritiqueCase c, ConsultationDetails? consultation, CouncilMeeting? meeting, DateTimeOffset? reviewsSubmitted = null)
    {
        if (c.Status == CaseStatus.Declined) return [new(CaseStep.Requested, c.RequestedAt), new(CaseStep.Declined, c.DecidedAt)];
        return
        [
            new(CaseStep.Requested, c.RequestedAt),
            new(CaseStep.Accepted, c.DecidedAt),
            new(CaseStep.CouncilFormed, c.CouncilFormedAt),
            new(CaseStep.ConsultationOpen, consultation?.OpenedAt),
            new(CaseStep.ReviewsSubmitted, reviewsSubmitted),
            new(CaseStep.CouncilMeeting, meeting?.At),
            new(CaseStep.ReportSent, c.ReportSentAt),
            new(CaseStep.AnswerReceived, c.AnsweredAt),
        ];
    }
}
