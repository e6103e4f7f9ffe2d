using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Statements;
using Nq45Consult.Consultation.OpinionMap.TurningOn;
using Nq45Consult.Consultation.OpinionMap.Voting;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class OpinionMapDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly Caller Expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official);

    private static ConsultationDetails Consultation(ConsultationStatus status = ConsultationStatus.Open, Audience audience = Audience.Public, params string[] invited) =>
        new(Guid.NewGuid(), "thu", "Thử", "Tóm tắt", "Sở", DocumentType.Plan, [], audience, Now.AddDays(-1), Now.AddDays(30), status, 1, [], invited,
            "moderator", Now.AddDays(-2), status == ConsultationStatus.Draft ? null : Now.AddDays(-1), null);

    private static OpinionMapScope Scope(ConsultationDetails consultation, string? anchor = null) =>
        new(OpinionMapIds.ScopeOf(consultation.Id), consultation.Id, anchor, "moderator", Now);

    private static Statement Statement(ConsultationDetails consultation, bool approved = true, bool hidden = false) =>
        new(Guid.NewGuid(), consultation.Id, "Cần lộ trình cụ thể.", StatementOrigin.Seeded, null, "moderator", Now, approved, hidden, null);

    private static readonly SectionSnapshot[] Sections = [new("chuong-1", "I", "Chương I", "", "", null, 0, 1)];

    [Fact]
    public void Only_a_moderator_turns_the_map_on_and_a_chapter_must_exist()
    {
        var consultation = Consultation();
        Assert.Equal(Refusal.Forbidden, TurnOnOpinionMap.Decide(consultation, Sections, null, new(consultation.Id, null, Expert), Now).Refusal);
        var turnedOn = Assert.IsType<OpinionMapTurnedOn>(Assert.Single(TurnOnOpinionMap.Decide(consultation, Sections, null, new(consultation.Id, " chuong-1 ", Moderator), Now).Events));
        Assert.Equal("chuong-1", turnedOn.SectionAnchor);
        var unknown = TurnOnOpinionMap.Decide(consultation, Sections, null, new(consultation.Id, "chuong-9", Moderator), Now);
        Assert.Equal("sectionAnchor", unknown.Field);
        Assert.Empty(TurnOnOpinionMap.Decide(consultation, Sections, Scope(consultation, "chuong-1"), new(consultation.Id, "chuong-1", Moderator), Now).Events);
        Assert.Equal(Refusal.Conflict, TurnOnOpinionMap.Decide(Consultation(ConsultationStatus.Closed), Sections, null, new(consultation.Id, null, Moderator), Now).Refusal);
        Assert.Equal(Refusal.NotFound, TurnOnOpinionMap.Decide(null, [], null, new(consultation.Id, null, Moderator), Now).Refusal);
    }

    [Fact]
    public void A_moderator_seeds_a_shown_statement_and_an_expert_proposes_one_that_waits()
    {
        var consultation = Consultation();
        var seeded = Assert.IsType<StatementAdded>(Assert.Single(AddStatement.Decide(consultation, Scope(consultation), new(consultation.Id, " Cần lộ trình. ", Moderator), Guid.NewGuid(), Now).Events));
        Assert.Equal((StatementOrigin.Seeded, true, "Cần lộ trình."), (seeded.Origin, seeded.Approved, seeded.Text));
        var proposed = Assert.IsType<StatementAdded>(Assert.Single(AddStatement.Decide(consultation, Scope(consultation), new(consultation.Id, "Cần lộ trình.", Expert), Guid.NewGuid(), Now).Events));
        Assert.Equal((StatementOrigin.Proposed, false), (proposed.Origin, proposed.Approved));
    }

    [Fact]
    public void A_statement_is_a_short_claim_from_someone_taking_part_in_a_map_that_is_on()
    {
        var consultation = Consultation();
        Decision Add(string? text, Caller caller, ConsultationDetails? c = null, bool on = true) =>
            AddStatement.Decide(c ?? consultation, on ? Scope(c ?? consultation) : null, new((c ?? consultation).Id, text, caller), Guid.NewGuid(), Now);
        Assert.Equal("text", Add(new string('a', 281), Expert).Field);
        Assert.True(Add(new string('a', 280), Expert).Accepted);
        Assert.Equal("text", Add("   ", Expert).Field);
        Assert.Equal(Refusal.Forbidden, Add("Rõ", Official).Refusal);
        Assert.Equal(Refusal.Conflict, Add("Rõ", Expert, on: false).Refusal);
        Assert.Equal(Refusal.Forbidden, Add("Rõ", Expert, Consultation(audience: Audience.Invited)).Refusal);
        Assert.True(Add("Rõ", Expert, Consultation(audience: Audience.Invited, invited: "EXPERT1")).Accepted);
        Assert.Equal(Refusal.NotFound, Add("Rõ", Expert, Consultation(ConsultationStatus.Draft)).Refusal);
        Assert.True(Add("Rõ", Moderator, Consultation(ConsultationStatus.Draft)).Accepted);
        Assert.Equal(Refusal.Conflict, Add("Rõ", Expert, Consultation(ConsultationStatus.Closed)).Refusal);
    }

    [Fact]
    public void A_feedback_items_proposal_becomes_a_linked_statement()
    {
        var consultation = Consultation();
        var item = FeedbackItemWith(consultation.Id, "Bổ sung lộ trình 5 năm.");
        var drawn = Assert.IsType<StatementAdded>(Assert.Single(
            DrawStatementFromFeedback.Decide(item, consultation, Scope(consultation), new(item.Id, null, Moderator), Guid.NewGuid(), Now).Events));
        Assert.Equal((StatementOrigin.Feedback, item.Id, "Bổ sung lộ trình 5 năm.", true), (drawn.Origin, drawn.FeedbackId, drawn.Text, drawn.Approved));
        Assert.Equal("text", DrawStatementFromFeedback.Decide(FeedbackItemWith(consultation.Id, null), consultation, Scope(consultation), new(item.Id, null, Moderator), Guid.NewGuid(), Now).Field);
        Assert.Equal("text", DrawStatementFromFeedback.Decide(FeedbackItemWith(consultation.Id, new string('x', 300)), consultation, Scope(consultation), new(item.Id, null, Moderator), Guid.NewGuid(), Now).Field);
        Assert.True(DrawStatementFromFeedback.Decide(FeedbackItemWith(consultation.Id, new string('x', 300)), consultation, Scope(consultation), new(item.Id, "Rút gọn.", Moderator), Guid.NewGuid(), Now).Accepted);
        Assert.Equal(Refusal.Forbidden, DrawStatementFromFeedback.Decide(item, consultation, Scope(consultation), new(item.Id, null, Expert), Guid.NewGuid(), Now).Refusal);
        Assert.Equal(Refusal.Conflict, DrawStatementFromFeedback.Decide(item with { Hidden = true }, consultation, Scope(consultation), new(item.Id, null, Moderator), Guid.NewGuid(), Now).Refusal);
    }

    [Fact]
    public void Moderators_approve_hide_and_restore_with_a_reason_and_nothing_is_deleted()
    {
        var consultation = Consultation();
        var pending = Statement(consultation, approved: false);
        Assert.IsType<StatementApproved>(Assert.Single(ApproveStatement.Decide(pending, new(pending.Id, Moderator), Now).Events));
        Assert.Empty(ApproveStatement.Decide(pending with { Approved = true }, new(pending.Id, Moderator), Now).Events);
        Assert.Equal(Refusal.Forbidden, ApproveStatement.Decide(pending, new(pending.Id, Expert), Now).Refusal);

        var shown = Statement(consultation);
        Assert.Equal("reason", ModerateStatement.Decide(shown, new(shown.Id, "hide", " ", Moderator), Now).Field);
        Assert.Equal("action", ModerateStatement.Decide(shown, new(shown.Id, "delete", "Trùng", Moderator), Now).Field);
        Assert.IsType<StatementHidden>(Assert.Single(ModerateStatement.Decide(shown, new(shown.Id, "hide", "Trùng", Moderator), Now).Events));
        Assert.Equal(Refusal.Conflict, ModerateStatement.Decide(shown, new(shown.Id, "restore", "Nhầm", Moderator), Now).Refusal);
        Assert.IsType<StatementRestored>(Assert.Single(ModerateStatement.Decide(shown with { Hidden = true }, new(shown.Id, "restore", "Nhầm", Moderator), Now).Events));
    }

    [Fact]
    public void An_expert_votes_once_per_statement_and_a_changed_vote_is_a_new_event()
    {
        var consultation = Consultation();
        var statement = Statement(consultation);
        var voted = Assert.IsType<StatementVoted>(Assert.Single(VoteOnStatement.Decide(statement, consultation, null, new(statement.Id, "agree", Expert), Now).Events));
        Assert.Equal((VoteChoice.Agree, OpinionMapIds.VoteOf(statement.Id, "EXPERT1")), (voted.Vote, voted.VoteId));
        var current = new StatementVote(voted.VoteId, statement.Id, consultation.Id, "expert1", VoteChoice.Agree, Now);
        Assert.Empty(VoteOnStatement.Decide(statement, consultation, current, new(statement.Id, "agree", Expert), Now).Events);
        Assert.Equal(VoteChoice.Disagree, Assert.IsType<StatementVoted>(Assert.Single(VoteOnStatement.Decide(statement, consultation, current, new(statement.Id, "disagree", Expert), Now).Events)).Vote);
        Assert.Equal("vote", VoteOnStatement.Decide(statement, consultation, null, new(statement.Id, "maybe", Expert), Now).Field);
        Assert.Equal(Refusal.Forbidden, VoteOnStatement.Decide(statement, consultation, null, new(statement.Id, "pass", Official), Now).Refusal);
        Assert.Equal(Refusal.NotFound, VoteOnStatement.Decide(statement with { Approved = false }, consultation, null, new(statement.Id, "pass", Expert), Now).Refusal);
        Assert.Equal(Refusal.NotFound, VoteOnStatement.Decide(statement with { Hidden = true }, consultation, null, new(statement.Id, "pass", Expert), Now).Refusal);
        var closed = Consultation(ConsultationStatus.Closed);
        Assert.Equal(Refusal.Conflict, VoteOnStatement.Decide(Statement(closed), closed, null, new(statement.Id, "pass", Expert), Now).Refusal);
    }

    private static FeedbackItem FeedbackItemWith(Guid consultationId, string? proposedText) => new(
        Guid.NewGuid(), consultationId, 1, null, new FeedbackContent(null, Stance.Amend, proposedText, "Vì sao.", [], Attribution.Named),
        new AuthorSnapshot("expert2", "Chuyên gia"), "expert2", Stance.Amend, FeedbackStatus.Published, false, false, 0, null, null, null, 1, Now, Now);
}
