using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Moderating;
using static Nq45Consult.Consultation.Tests.Dialogue.ARoom;

namespace Nq45Consult.Consultation.Tests.Dialogue;

public class QuestionTests
{
    private static (DialogueSession Session, Guid Id) Asked(DialogueSession session, Caller? by = null, string text = "Điều 5 có áp dụng cho hộ kinh doanh không?")
    {
        var id = Guid.CreateVersion7();
        return (session.With(AskQuestion.Decide(session, new AskQuestion(session.Id, id, text, "dieu-5", by ?? Expert), Options, Now)), id);
    }

    [Fact]
    public void Asking_keeps_the_section_and_needs_approval_only_under_pre_moderation()
    {
        var (open, q) = Asked(Live());
        Assert.Equal(QuestionStatus.Visible, open.Questions[q].Status);
        Assert.Equal("dieu-5", open.Questions[q].SectionAnchor);
        var (moderated, p) = Asked(Live(preModeration: true));
        Assert.Equal(QuestionStatus.Pending, moderated.Questions[p].Status);
        Assert.False(moderated.Questions[p].IsPublic);
        var (byModerator, m) = Asked(Live(preModeration: true), Moderator);
        Assert.Equal(QuestionStatus.Visible, byModerator.Questions[m].Status);
    }

    [Fact]
    public void Asking_refuses_empty_or_oversized_text_and_a_room_not_live()
    {
        Refused(Refusal.Invalid, AskQuestion.Decide(Live(), new AskQuestion(Guid.Empty, Guid.NewGuid(), " ", null, Expert), Options, Now));
        Refused(Refusal.Invalid, AskQuestion.Decide(Live(), new AskQuestion(Guid.Empty, Guid.NewGuid(), new string('a', Options.MaxQuestionLength + 1), null, Expert), Options, Now));
        Refused(Refusal.Conflict, AskQuestion.Decide(Scheduled(), new AskQuestion(Guid.Empty, Guid.NewGuid(), "Hỏi", null, Expert), Options, Now));
        Refused(Refusal.Conflict, AskQuestion.Decide(Ended(), new AskQuestion(Guid.Empty, Guid.NewGuid(), "Hỏi", null, Expert), Options, Now));
    }

    [Fact]
    public void An_upvote_is_one_per_person_and_can_be_taken_back()
    {
        var (session, q) = Asked(Live());
        session = session.With(ToggleUpvote.Decide(session, new(session.Id, q, OtherExpert), Now));
        session = session.With(ToggleUpvote.Decide(session, new(session.Id, q, Expert), Now));
        Assert.Equal(2, session.Questions[q].Votes);
        Assert.IsType<QuestionUpvoteWithdrawn>(Single<QuestionUpvoteWithdrawn>(ToggleUpvote.Decide(session, new(session.Id, q, Expert), Now)));
        session = session.With(ToggleUpvote.Decide(session, new(session.Id, q, Expert), Now));
        Assert.Equal(1, session.Questions[q].Votes);
        Refused(Refusal.NotFound, ToggleUpvote.Decide(session, new(session.Id, Guid.NewGuid(), Expert), Now));
    }

    [Fact]
    public void A_pending_question_cannot_be_upvoted_or_pinned()
    {
        var (session, q) = Asked(Live(preModeration: true));
        Refused(Refusal.Conflict, ToggleUpvote.Decide(session, new(session.Id, q, OtherExpert), Now));
        Refused(Refusal.Conflict, PinQuestion.Decide(session, new(session.Id, q, Moderator), Now));
    }

    [Fact]
    public void Moderators_approve_and_reject_with_a_reason_experts_cannot()
    {
        var (session, q) = Asked(Live(preModeration: true));
        Refused(Refusal.Forbidden, ApproveQuestion.Decide(session, new(session.Id, q, Expert), Now));
        Refused(Refusal.Forbidden, RejectQuestion.Decide(session, new(session.Id, q, "Trùng", Expert), Options, Now));
        Refused(Refusal.Invalid, RejectQuestion.Decide(session, new(session.Id, q, "", Moderator), Options, Now));
        Refused(Refusal.NotFound, ApproveQuestion.Decide(session, new(session.Id, Guid.NewGuid(), Moderator), Now));
        var approved = session.With(ApproveQuestion.Decide(session, new(session.Id, q, Moderator), Now));
        Assert.Equal(QuestionStatus.Visible, approved.Questions[q].Status);
        Refused(Refusal.Conflict, ApproveQuestion.Decide(approved, new(approved.Id, q, Moderator), Now));
        var rejected = session.With(RejectQuestion.Decide(session, new(session.Id, q, "Ngoài phạm vi", Moderator), Options, Now));
        Assert.Equal("Ngoài phạm vi", rejected.Questions[q].RejectionReason);
        Assert.False(rejected.Questions[q].IsPublic);
        Refused(Refusal.Conflict, RejectQuestion.Decide(rejected, new(rejected.Id, q, "Lần nữa", Moderator), Options, Now));
        Refused(Refusal.Conflict, AnswerQuestion.Decide(rejected, new(rejected.Id, q, "Trả lời", Moderator), Options, Now));
    }

    [Fact]
    public void Moderators_and_officials_answer_experts_cannot()
    {
        var (session, q) = Asked(Live(preModeration: true));
        Refused(Refusal.Forbidden, AnswerQuestion.Decide(session, new(session.Id, q, "Có", Expert), Options, Now));
        Refused(Refusal.Invalid, AnswerQuestion.Decide(session, new(session.Id, q, " ", Official), Options, Now));
        var answered = session.With(AnswerQuestion.Decide(session, new(session.Id, q, "Có, từ năm 2027.", Official), Options, Now));
        Assert.True(answered.Questions[q].IsAnswered);
        Assert.Equal(QuestionStatus.Visible, answered.Questions[q].Status);
        Assert.Equal("Cán bộ soạn thảo", answered.Questions[q].AnsweredByName);
    }

    [Fact]
    public void Pinning_the_pinned_question_unpins_it()
    {
        var (session, q) = Asked(Live());
        Refused(Refusal.Forbidden, PinQuestion.Decide(session, new(session.Id, q, Expert), Now));
        session = session.With(PinQuestion.Decide(session, new(session.Id, q, Moderator), Now));
        Assert.Equal(q, session.PinnedQuestionId);
        session = session.With(PinQuestion.Decide(session, new(session.Id, q, Moderator), Now));
        Assert.Null(session.PinnedQuestionId);
    }

    [Fact]
    public void Questions_rank_by_votes_then_time()
    {
        var (session, first) = Asked(Live());
        (session, var second) = Asked(session, OtherExpert, "Câu thứ hai");
        (session, var third) = Asked(session, OtherExpert, "Câu thứ ba");
        session = session.With(ToggleUpvote.Decide(session, new(session.Id, third, Expert), Now));
        Assert.Equal([third, first, second], session.Ranked().Select(q => q.Id));
    }

    [Fact]
    public void A_pending_question_is_seen_by_its_asker_and_moderators_only()
    {
        var (session, q) = Asked(Live(preModeration: true));
        var question = session.Questions[q];
        Assert.True(question.MaySee(Expert));
        Assert.True(question.MaySee(Moderator));
        Assert.False(question.MaySee(OtherExpert));
    }
}
