using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Cases;

public enum CaseStatus
{
    Requested,
    Accepted,
    Declined,
}

public enum SeatAnswer
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>One appointment to the council; a declined one stays (nothing is deleted) and frees its seat for another.</summary>
public sealed record CouncilSeat(
    Guid MemberId, Guid ProfileId, string UserName, string FullName, CouncilRole Role, DeclaredInterests? Interests,
    DateTimeOffset AppointedAt, SeatAnswer Answer, DateTimeOffset? AnsweredAt, string? DeclineReason)
{
    /// <summary>Invited and not declined: the seat is held, and its holder sees the case.</summary>
    public bool Holds => Answer != SeatAnswer.Declined;
}

/// <summary>A case as every reader reads it, kept inline with its stream.</summary>
public sealed record CritiqueCase(
    Guid Id,
    CaseKind Kind,
    string Subject,
    Guid? ConsultationId,
    Guid AgencyId,
    string AgencyName,
    DateTimeOffset DueAt,
    bool PublishAnswer,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    CaseStatus Status,
    DateTimeOffset? DecidedAt,
    string? DeclineReason,
    IReadOnlyList<CouncilSeat> Council,
    IReadOnlyList<string> MemberNames,
    DateTimeOffset? CouncilFormedAt,
    Guid? SessionId,
    IReadOnlyList<ReportRecommendation>? Report,
    DateTimeOffset? ReportSentAt,
    IReadOnlyList<RecommendationAnswer>? Answers,
    DateTimeOffset? AnsweredAt)
{
    public const int MaxSubjectLength = 500;
    public const int MaxReasonLength = 2_000;
    public const int MaxExplanationLength = 5_000;

    /// <summary>The seats filled by one person each; the council is formed when each has accepted.</summary>
    public static readonly IReadOnlyList<CouncilRole> SingleSeats = [CouncilRole.Chair, CouncilRole.Secretary, CouncilRole.FirstReviewer, CouncilRole.SecondReviewer];

    /// <summary>The agency's answer, public when the request allowed it.</summary>
    public bool AnswerIsPublic => PublishAnswer && AnsweredAt is not null;

    public static bool IsCouncilComplete(IEnumerable<CouncilSeat> seats) =>
        SingleSeats.All(role => seats.Any(s => s.Role == role && s.Answer == SeatAnswer.Accepted));

    public bool IsMember(Caller? caller) => caller is not null && MemberNames.Contains(Account.Normalize(caller.UserName));

    /// <summary>The requesting agency's officials, moderators, admins and the council: they follow the case and see all of it.</summary>
    public bool IsInvolved(Caller? caller) =>
        caller is not null && (caller.IsModerator || caller.IsAdmin || (caller.IsOfficial && caller.AgencyId == AgencyId) || IsMember(caller));

    /// <summary>Everyone else reads a case only once its answer is public, and never the council's declarations.</summary>
    public bool IsVisibleTo(Caller? caller) => IsInvolved(caller) || AnswerIsPublic;
}

public sealed class CritiqueCaseProjection : SingleStreamProjection<CritiqueCase, Guid>
{
    public static CritiqueCase Create(CaseRequested e) => new(
        e.CaseId, e.Kind, e.Subject, e.ConsultationId, e.AgencyId, e.AgencyName, e.DueAt, e.PublishAnswer, e.RequestedBy, e.RequestedAt,
        CaseStatus.Requested, null, null, [], [], null, null, null, null, null, null);

    public static CritiqueCase Apply(CaseAccepted e, CritiqueCase c) => c with { Status = CaseStatus.Accepted, DecidedAt = e.AcceptedAt };

    public static CritiqueCase Apply(CaseDeclined e, CritiqueCase c) => c with { Status = CaseStatus.Declined, DecidedAt = e.DeclinedAt, DeclineReason = e.Reason };

    public static CritiqueCase Apply(CouncilMemberAppointed e, CritiqueCase c) => Seated(c, [.. c.Council,
        new CouncilSeat(e.MemberId, e.ProfileId, e.UserName, e.FullName, e.Role, e.Interests, e.AppointedAt, SeatAnswer.Pending, null, null)]);

    public static CritiqueCase Apply(CouncilSeatAccepted e, CritiqueCase c) =>
        Seated(c, [.. c.Council.Select(s => s.MemberId == e.MemberId ? s with { Answer = SeatAnswer.Accepted, AnsweredAt = e.AcceptedAt } : s)]);

    public static CritiqueCase Apply(CouncilSeatDeclined e, CritiqueCase c) =>
        Seated(c, [.. c.Council.Select(s => s.MemberId == e.MemberId ? s with { Answer = SeatAnswer.Declined, AnsweredAt = e.DeclinedAt, DeclineReason = e.Reason } : s)]);

    public static CritiqueCase Apply(CouncilFormed e, CritiqueCase c) => c with { CouncilFormedAt = e.FormedAt };

    public static CritiqueCase Apply(CaseSessionLinked e, CritiqueCase c) => c with { SessionId = e.SessionId };

    public static CritiqueCase Apply(CaseReportSent e, CritiqueCase c) => c with { Report = e.Recommendations, ReportSentAt = e.SentAt };

    public static CritiqueCase Apply(AgencyAnswerRecorded e, CritiqueCase c) => c with { Answers = e.Answers, AnsweredAt = e.RecordedAt };

    // The names of the seats' holders, flat, so "the cases I sit on" is a plain LINQ query.
    private static CritiqueCase Seated(CritiqueCase c, IReadOnlyList<CouncilSeat> council) => c with
    {
        Council = council,
        MemberNames = [.. council.Where(s => s.Holds).Select(s => Account.Normalize(s.UserName)).Distinct()],
    };
}
