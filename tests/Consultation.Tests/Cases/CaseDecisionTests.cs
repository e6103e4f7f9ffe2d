using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Accepting;
using Nq45Consult.Consultation.Cases.AnsweringAppointment;
using Nq45Consult.Consultation.Cases.Appointing;
using Nq45Consult.Consultation.Cases.Declining;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Consultation.Cases.Requesting;
using Nq45Consult.Consultation.Cases.SendingReport;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Review.Critique;

namespace Nq45Consult.Consultation.Tests.Cases;

public class CaseDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Agency Agency = new(Guid.NewGuid(), "Sở Y tế", "so y te", false);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official) with { AgencyId = Agency.Id };
    private static readonly Caller Outsider = Caller.Of("official2", "Cán bộ khác", Role.Official) with { AgencyId = Guid.NewGuid() };
    private static readonly Caller Expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);

    private static CritiqueCase Apply(CritiqueCase c, Decision decision) =>
        decision.Events.Aggregate(c, (state, e) => e switch
        {
            CaseAccepted x => CritiqueCaseProjection.Apply(x, state),
            CaseDeclined x => CritiqueCaseProjection.Apply(x, state),
            CouncilMemberAppointed x => CritiqueCaseProjection.Apply(x, state),
            CouncilSeatAccepted x => CritiqueCaseProjection.Apply(x, state),
            CouncilSeatDeclined x => CritiqueCaseProjection.Apply(x, state),
            CouncilFormed x => CritiqueCaseProjection.Apply(x, state),
            CaseReportSent x => CritiqueCaseProjection.Apply(x, state),
            AgencyAnswerRecorded x => CritiqueCaseProjection.Apply(x, state),
            _ => throw new InvalidOperationException(e.GetType().Name),
        });

    private static CritiqueCase Requested(Guid? consultation = null)
    {
        var decision = RequestCase.Decide(new RequestCase("critique", " Kế hoạch ", null, Now.AddDays(30), null, null, Official), null, Agency, Guid.NewGuid(), Now);
        // The consultation's own rules are the Consultations capability's: the case only names it.
        return CritiqueCaseProjection.Create(Assert.IsType<CaseRequested>(Assert.Single(decision.Events)) with { ConsultationId = consultation });
    }

    private static CritiqueCase Accepted(Guid? consultation = null)
    {
        var requested = Requested(consultation);
        return Apply(requested, AcceptCase.Decide(requested, new AcceptCase(requested.Id, Moderator), Now));
    }

    private static ExpertProfile Profile(string? userName) => new(
        Guid.NewGuid(), userName, userName?.ToUpperInvariant(), null,
        new ProfileDetails($"Chuyên gia {userName}", AcademicTitle.None, Degree.Ts, ["y tế"], null, null, null, true, null, null),
        new ProfileConsent(false, true), null, Now, Now);

    private static CritiqueCase Appoint(CritiqueCase c, ExpertProfile profile, string role, InterestDeclaration? declaration = null)
    {
        var decision = AppointCouncilMember.Decide(c, new AppointCouncilMember(c.Id, profile.Id, role, Moderator), profile, declaration, Guid.NewGuid(), Now);
        Assert.True(decision.Accepted, decision.Reason);
        return Apply(c, decision);
    }

    private static Caller As(ExpertProfile profile) => Caller.Of(profile.UserName!, profile.FullName, Role.Expert);

    [Fact]
    public void An_official_requests_for_their_own_agency_a_moderator_names_one_and_bad_input_names_each_field()
    {
        var c = Requested();
        Assert.Equal(("Kế hoạch", Agency.Id, CaseKind.Critique, true), (c.Subject, c.AgencyId, c.Kind, c.PublishAnswer));

        var paper = RequestCase.Decide(new RequestCase("advice", "Tư vấn", null, Now.AddDays(1), Agency.Id, null, Moderator), null, Agency, Guid.NewGuid(), Now);
        Assert.False(Assert.IsType<CaseRequested>(Assert.Single(paper.Events)).PublishAnswer);

        Assert.Equal(Refusal.Forbidden, RequestCase.Decide(new RequestCase("advice", "x", null, Now.AddDays(1), null, null, Expert), null, Agency, Guid.NewGuid(), Now).Refusal);
        var bad = RequestCase.Decide(new RequestCase("review", " ", Guid.NewGuid(), Now.AddDays(-1), null, null, Moderator), null, null, Guid.NewGuid(), Now);
        Assert.Equal(Refusal.Invalid, bad.Refusal);
        Assert.Equal(["agencyId", "consultationId", "dueAt", "kind", "subject"], bad.Errors.Keys.Order());
        var elsewhere = new RequestCase("advice", "x", null, Now.AddDays(1), Guid.NewGuid(), null, Official);
        Assert.Equal(["agencyId"], RequestCase.Decide(elsewhere, null, null, Guid.NewGuid(), Now).Errors.Keys);
    }

    [Fact]
    public void The_union_accepts_or_declines_with_a_reason_once()
    {
        var c = Requested();
        Assert.Equal(Refusal.Forbidden, AcceptCase.Decide(c, new AcceptCase(c.Id, Official), Now).Refusal);
        Assert.Equal(["reason"], DeclineCase.Decide(c, new DeclineCase(c.Id, " ", Moderator), Now).Errors.Keys);
        var declined = Apply(c, DeclineCase.Decide(c, new DeclineCase(c.Id, "Ngoài phạm vi", Moderator), Now));
        Assert.Equal(CaseStatus.Declined, declined.Status);
        Assert.Equal(Refusal.Conflict, AcceptCase.Decide(declined, new AcceptCase(c.Id, Moderator), Now).Refusal);
        Assert.Equal([CaseStep.Requested, CaseStep.Declined], CaseTimeline.Of(declined, null, null).Select(s => s.Step));
    }

    [Fact]
    public void The_council_is_formed_when_each_single_seat_has_accepted_and_a_declined_seat_is_filled_again()
    {
        var consultation = Guid.NewGuid();
        var c = Accepted(consultation);
        var experts = Enumerable.Range(1, 6).Select(i => Profile($"expert{i}")).ToList();
        var declaration = new InterestDeclaration(Guid.NewGuid(), consultation, "expert1", "EXPERT1", "Chuyên gia", true, "Tư vấn cho Sở", Now, 1);
        c = Appoint(c, experts[0], "chair", declaration);
        Assert.Equal(new DeclaredInterests(true, "Tư vấn cho Sở", Now), c.Council[0].Interests);
        Assert.Equal(Refusal.Conflict, AppointCouncilMember.Decide(c, new AppointCouncilMember(c.Id, experts[1].Id, "chair", Moderator), experts[1], null, Guid.NewGuid(), Now).Refusal);
        Assert.Equal(Refusal.Conflict, AppointCouncilMember.Decide(c, new AppointCouncilMember(c.Id, experts[0].Id, "member", Moderator), experts[0], null, Guid.NewGuid(), Now).Refusal);
        Assert.Equal(["profileId"], AppointCouncilMember.Decide(c, new AppointCouncilMember(c.Id, Guid.NewGuid(), "member", Moderator), Profile(null), null, Guid.NewGuid(), Now).Errors.Keys);
        c = Appoint(c, experts[1], "secretary");
        c = Appoint(c, experts[2], "first-reviewer");
        c = Appoint(c, experts[3], "second-reviewer");
        c = Appoint(c, experts[4], "member");

        foreach (var i in new[] { 0, 1, 2, 4 })
            c = Apply(c, AnswerAppointment.Decide(c, new AnswerAppointment(c.Id, c.Council[i].MemberId, true, null, As(experts[i])), Now));
        Assert.Null(c.CouncilFormedAt);
        Assert.Equal(Refusal.Forbidden, AnswerAppointment.Decide(c, new AnswerAppointment(c.Id, c.Council[3].MemberId, true, null, As(experts[0])), Now).Refusal);
        Assert.Equal(Refusal.NotFound, AnswerAppointment.Decide(c, new AnswerAppointment(c.Id, c.Council[3].MemberId, true, null, As(experts[5])), Now).Refusal);
        c = Apply(c, AnswerAppointment.Decide(c, new AnswerAppointment(c.Id, c.Council[3].MemberId, false, "Bận", As(experts[3])), Now));
        Assert.False(c.IsMember(As(experts[3])));

        c = Appoint(c, experts[5], "second-reviewer");
        var formed = AnswerAppointment.Decide(c, new AnswerAppointment(c.Id, c.Council[5].MemberId, true, null, As(experts[5])), Now);
        Assert.IsType<CouncilFormed>(formed.Events[^1]);
        c = Apply(c, formed);
        Assert.Equal(6, c.Council.Count);
        Assert.Equal(Now, c.CouncilFormedAt);
    }

    [Fact]
    public void The_report_is_sent_once_and_only_the_agency_answers_each_recommendation_once()
    {
        var c = Accepted(Guid.NewGuid());
        var report = new CritiqueReport(c.ConsultationId!.Value, [], [],
            [new("Sở Y tế", "Bổ sung lộ trình", []), new("UBND tỉnh", "Tăng kinh phí", [])], "moderator", Now);
        Assert.Equal(Refusal.Conflict, SendCaseReport.Decide(c, new SendCaseReport(c.Id, Moderator), null, Now).Refusal);
        c = Apply(c, SendCaseReport.Decide(c, new SendCaseReport(c.Id, Moderator), report, Now));
        Assert.Equal(Refusal.Conflict, SendCaseReport.Decide(c, new SendCaseReport(c.Id, Moderator), report, Now).Refusal);

        AnswerInput[] answers = [new(1, "partly", "Một phần"), new(0, "accepted", "Tiếp thu")];
        Assert.Equal(Refusal.NotFound, RecordAgencyAnswer.Decide(c, new RecordAgencyAnswer(c.Id, answers, Outsider), Now).Refusal);
        Assert.Equal(Refusal.Forbidden, RecordAgencyAnswer.Decide(c, new RecordAgencyAnswer(c.Id, answers, Moderator), Now).Refusal);
        var bad = RecordAgencyAnswer.Decide(c, new RecordAgencyAnswer(c.Id, [new(0, "maybe", ""), new(0, "not", "Không")], Official), Now);
        Assert.Equal(["answers", "answers[0].explanation", "answers[0].verdict"], bad.Errors.Keys.Order());

        c = Apply(c, RecordAgencyAnswer.Decide(c, new RecordAgencyAnswer(c.Id, answers, Official), Now));
        Assert.Equal([AnswerVerdict.Accepted, AnswerVerdict.Partly], c.Answers!.Select(a => a.Verdict));
        Assert.Equal(Refusal.Conflict, RecordAgencyAnswer.Decide(c, new RecordAgencyAnswer(c.Id, answers, Official), Now).Refusal);
        // A critique's answer is public: now anyone may read the case, but only those involved see all of it.
        Assert.True(c.IsVisibleTo(null));
        Assert.False(c.IsInvolved(Outsider));
    }

    [Fact]
    public void Only_those_involved_see_a_case_before_its_answer_is_public()
    {
        var c = Appoint(Accepted(), Profile("expert1"), "chair");
        Assert.True(c.IsVisibleTo(Official));
        Assert.True(c.IsVisibleTo(Moderator));
        Assert.True(c.IsVisibleTo(Caller.Of("admin", "Quản trị", Role.Admin)));
        Assert.True(c.IsVisibleTo(Expert));
        Assert.False(c.IsVisibleTo(Outsider));
        Assert.False(c.IsVisibleTo(Caller.Of("expert2", "Khác", Role.Expert)));
        Assert.False(c.IsVisibleTo(null));
    }
}
