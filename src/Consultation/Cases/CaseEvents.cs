namespace Nq45Consult.Consultation.Cases;

// A case (hồ sơ tư vấn, phản biện, giám định xã hội, Decision 14/2014/QĐ-TTg): an agency's request to the Union, from
// the request to the agency's answer to the report. Marten stores events by type name: never rename one once shipped.

/// <summary>What the agency asks of the Union.</summary>
public enum CaseKind
{
    /// <summary>Tư vấn.</summary>
    Advice,

    /// <summary>Phản biện.</summary>
    Critique,

    /// <summary>Giám định xã hội.</summary>
    Assessment,
}

/// <summary>A seat on the expert council: one chair, one secretary, one per reviewer slot, any number of members.</summary>
public enum CouncilRole
{
    Chair,
    Secretary,
    FirstReviewer,
    SecondReviewer,
    Member,
}

/// <summary>The agency's position on one recommendation of the report.</summary>
public enum AnswerVerdict
{
    Accepted,
    Partly,
    Not,
}

/// <summary>
/// An official of the agency (or a moderator recording a paper request, naming the agency) asked the Union for advice,
/// critique or assessment; <paramref name="PublishAnswer"/>: whether the agency's answer is public once recorded.
/// </summary>
public sealed record CaseRequested(
    Guid CaseId, CaseKind Kind, string Subject, Guid? ConsultationId, Guid AgencyId, string AgencyName, DateTimeOffset DueAt,
    bool PublishAnswer, string RequestedBy, DateTimeOffset RequestedAt);

public sealed record CaseAccepted(Guid CaseId, string AcceptedBy, DateTimeOffset AcceptedAt);

public sealed record CaseDeclined(Guid CaseId, string Reason, string DeclinedBy, DateTimeOffset DeclinedAt);

/// <summary>The member's conflict-of-interest declaration for the case's consultation as it stood at the appointment.</summary>
public sealed record DeclaredInterests(bool HasInterests, string? Statement, DateTimeOffset DeclaredAt);

/// <summary>A moderator put an expert of the registry (with an account) on the council; they accept or decline.</summary>
/// <param name="Interests">Their declaration when appointed; null when they had made none.</param>
public sealed record CouncilMemberAppointed(
    Guid CaseId, Guid MemberId, Guid ProfileId, string UserName, string FullName, CouncilRole Role, DeclaredInterests? Interests,
    string AppointedBy, DateTimeOffset AppointedAt);

public sealed record CouncilSeatAccepted(Guid CaseId, Guid MemberId, DateTimeOffset AcceptedAt);

public sealed record CouncilSeatDeclined(Guid CaseId, Guid MemberId, string? Reason, DateTimeOffset DeclinedAt);

/// <summary>The acceptance that filled the last of the chair's, secretary's and reviewers' seats.</summary>
public sealed record CouncilFormed(Guid CaseId, DateTimeOffset FormedAt);

/// <summary>A moderator named the live session of the case's consultation that is the council's meeting.</summary>
public sealed record CaseSessionLinked(Guid CaseId, Guid SessionId, string LinkedBy, DateTimeOffset LinkedAt);

public sealed record ReportRecommendation(string Addressee, string Text);

/// <summary>The consultation's critique report went to the agency; its recommendations as they were sent, which the answer follows.</summary>
public sealed record CaseReportSent(Guid CaseId, IReadOnlyList<ReportRecommendation> Recommendations, string SentBy, DateTimeOffset SentAt);

/// <summary>The agency's position on one recommendation (by its place in the report as sent, from 0).</summary>
public sealed record RecommendationAnswer(int Recommendation, AnswerVerdict Verdict, string Explanation);

public sealed record AgencyAnswerRecorded(Guid CaseId, IReadOnlyList<RecommendationAnswer> Answers, string RecordedBy, DateTimeOffset RecordedAt);
