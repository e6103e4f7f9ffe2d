using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Web.Attachments;

namespace Nq45Consult.Web.Cases;

// The JSON shapes of the case routes (api-v1.md "Added in v1.1", docs/critique.md "Critique cases").

/// <summary>api-v1.md's body, with what a moderator recording a paper request adds (the agency) and the publication flag.</summary>
public sealed record CaseRequest(string? Kind, string? Subject, Guid? ConsultationId, DateTimeOffset? DueAt, Guid? AgencyId, bool? PublishAnswer);

public sealed record CaseDeclineRequest(string? Reason);

public sealed record CouncilAppointmentRequest(Guid? ProfileId, string? Role);

public sealed record SeatDeclineRequest(string? Reason);

public sealed record CaseSessionRequest(Guid? SessionId);

public sealed record AgencyAnswerRequest(List<AnswerInput?>? Answers);

public sealed record CaseCreated(Guid Id);

public sealed record CaseAgencyView(Guid Id, string Name);

/// <summary>A case in a list.</summary>
public sealed record CaseSummaryView(Guid Id, string Kind, string Subject, CaseAgencyView Agency, string Status, DateTimeOffset DueAt, DateTimeOffset RequestedAt)
{
    public static CaseSummaryView Of(CritiqueCase c) =>
        new(c.Id, KebabCase.Name(c.Kind), c.Subject, new(c.AgencyId, c.AgencyName), KebabCase.Name(c.Status), c.DueAt, c.RequestedAt);
}

public sealed record TimelineStepView(string Step, DateTimeOffset? At);

public sealed record InterestsView(bool HasInterests, string? Statement, DateTimeOffset DeclaredAt)
{
    public static InterestsView? Of(DeclaredInterests? interests) =>
        interests is null ? null : new(interests.HasInterests, interests.Statement, interests.DeclaredAt);
}

/// <summary>A seat on the council, with the member's declaration as recorded at the appointment (null: none made).</summary>
public sealed record CouncilSeatView(
    Guid MemberId, string FullName, string UserName, string Role, string Answer, DateTimeOffset AppointedAt, DateTimeOffset? AnsweredAt,
    InterestsView? Interests, string? DeclineReason);

public sealed record CaseConsultationView(Guid Id, string Slug, string Title, string Status);

public sealed record CaseMeetingView(Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

public sealed record ReportRecommendationView(int Recommendation, string Addressee, string Text);

public sealed record RecommendationAnswerView(int Recommendation, string Verdict, string Explanation);

/// <summary>
/// GET /api/cases/{id}: the case, its council, its report and answer, and its <c>timeline</c> (api-v1.md). The council
/// (names, declarations) and the reasons given reach only those involved; a public reader of an answered case gets none.
/// <c>attachments</c>: the request's documents, to whoever reads the case (added after api-v1.md's shape).
/// </summary>
public sealed record CaseView(
    Guid Id, string Kind, string Subject, CaseAgencyView Agency, DateTimeOffset DueAt, bool PublishAnswer, string Status, DateTimeOffset RequestedAt,
    string? DeclineReason, CaseConsultationView? Consultation, IReadOnlyList<CouncilSeatView> Council, CaseMeetingView? Meeting,
    IReadOnlyList<ReportRecommendationView>? Report, DateTimeOffset? ReportSentAt, IReadOnlyList<RecommendationAnswerView>? Answers,
    DateTimeOffset? AnsweredAt, IReadOnlyList<TimelineStepView> Timeline)
{
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    public static CaseView Of(CaseReading reading)
    {
        var c = reading.Case;
        var involved = reading.Involved;
        return new(
            c.Id, KebabCase.Name(c.Kind), c.Subject, new(c.AgencyId, c.AgencyName), c.DueAt, c.PublishAnswer, KebabCase.Name(c.Status), c.RequestedAt,
            involved ? c.DeclineReason : null,
            reading.Consultation is { } k ? new(k.Id, k.Slug, k.Title, KebabCase.Name(k.Status)) : null,
            involved
                ? [.. c.Council.Select(s => new CouncilSeatView(
                    s.MemberId, s.FullName, s.UserName, KebabCase.Name(s.Role), KebabCase.Name(s.Answer), s.AppointedAt, s.AnsweredAt,
                    InterestsView.Of(s.Interests), s.DeclineReason))]
                : [],
            reading.Meeting is { } m ? new(m.SessionId, m.Title, m.StartsAt, m.StartedAt, m.EndedAt) : null,
            c.Report?.Select((r, i) => new ReportRecommendationView(i, r.Addressee, r.Text)).ToList(), c.ReportSentAt,
            c.Answers?.Select(a => new RecommendationAnswerView(a.Recommendation, KebabCase.Name(a.Verdict), a.Explanation)).ToList(), c.AnsweredAt,
            [.. reading.Timeline.Select(t => new TimelineStepView(KebabCase.Name(t.Step), t.At))]);
    }
}

/// <summary>An expert who may be put on the council, with their declaration for the case's consultation (null: none made).</summary>
public sealed record CouncilCandidateView(Guid ProfileId, string FullName, string UserName, IReadOnlyList<string> Fields, InterestsView? Declaration)
{
    public static CouncilCandidateView Of(CouncilCandidate candidate) => new(
        candidate.Profile.Id, candidate.Profile.TitledName, candidate.Profile.UserName!, candidate.Profile.Fields,
        candidate.Declaration is { } d ? new(d.HasInterests, d.Statement, d.DeclaredAt) : null);
}
