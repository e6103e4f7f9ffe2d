using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Chatting;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Consultation.Dialogue.Polling;
using static Nq45Consult.Consultation.Tests.Dialogue.ARoom;

namespace Nq45Consult.Consultation.Tests.Dialogue;

public class PollAndChatTests
{
    private static (DialogueSession Session, Guid Id) Opened(bool multiple = false)
    {
        var id = Guid.CreateVersion7();
        var session = Live();
        return (session.With(OpenPoll.Decide(session, new OpenPoll(session.Id, id, "Có nên kéo dài thời hạn?", ["Có", "Không", "Cần thêm thông tin"], multiple, Moderator), Options, Now)), id);
    }

    [Fact]
    public void Opening_a_poll_needs_a_moderator_a_question_and_two_to_ten_distinct_options()
    {
        var live = Live();
        OpenPoll Poll(params string?[] options) => new(live.Id, Guid.NewGuid(), "Câu hỏi", options, false, Moderator);
        Refused(Refusal.Forbidden, OpenPoll.Decide(live, Poll("A", "B") with { Caller = Expert }, Options, Now));
        Refused(Refusal.Invalid, OpenPoll.Decide(live, Poll("A"), Options, Now));
        Refused(Refusal.Invalid, OpenPoll.Decide(live, Poll([.. Enumerable.Range(0, 11).Select(i => $"P{i}")]), Options, Now));
        Refused(Refusal.Invalid, OpenPoll.Decide(live, Poll("A", " "), Options, Now));
        Refused(Refusal.Invalid, OpenPoll.Decide(live, Poll("A", "a"), Options, Now));
        Refused(Refusal.Invalid, OpenPoll.Decide(live, new OpenPoll(live.Id, Guid.NewGuid(), "", ["A", "B"], false, Moderator), Options, Now));
        Refused(Refusal.Conflict, OpenPoll.Decide(Ended(), Poll("A", "B"), Options, Now));
    }

    [Fact]
    public void A_single_choice_vote_can_change_until_the_poll_closes()
    {
        var (session, poll) = Opened();
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 0, Expert), Now));
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 1, Expert), Now));
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 1, OtherExpert), Now));
        Assert.Equal([0, 2, 0], session.Polls[poll].Counts());
        Assert.Same(Decision.Nothing, CastVote.Decide(session, new(session.Id, poll, 1, Expert), Now));
        Refused(Refusal.Invalid, CastVote.Decide(session, new(session.Id, poll, 3, Expert), Now));
        Refused(Refusal.NotFound, CastVote.Decide(session, new(session.Id, Guid.NewGuid(), 0, Expert), Now));
        Refused(Refusal.Forbidden, ClosePoll.Decide(session, new(session.Id, poll, Expert), Now));
        session = session.With(ClosePoll.Decide(session, new(session.Id, poll, Moderator), Now));
        Refused(Refusal.Conflict, CastVote.Decide(session, new(session.Id, poll, 0, Expert), Now));
        Refused(Refusal.Conflict, ClosePoll.Decide(session, new(session.Id, poll, Moderator), Now));
        Assert.Equal([0, 2, 0], session.Polls[poll].Counts());
    }

    [Fact]
    public void A_multiple_choice_vote_toggles_options()
    {
        var (session, poll) = Opened(multiple: true);
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 2, Expert), Now));
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 0, Expert), Now));
        Assert.Equal([1, 0, 1], session.Polls[poll].Counts());
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 2, Expert), Now));
        Assert.Equal([1, 0, 0], session.Polls[poll].Counts());
        session = session.With(CastVote.Decide(session, new(session.Id, poll, 0, Expert), Now));
        Assert.Equal(0, session.Polls[poll].Voters);
    }

    [Fact]
    public void Chat_refuses_empty_oversized_or_out_of_session_messages()
    {
        Refused(Refusal.Invalid, SayMessage.Decide(Live(), new(Guid.Empty, Guid.NewGuid(), "", Expert), Options, Now));
        Refused(Refusal.Invalid, SayMessage.Decide(Live(), new(Guid.Empty, Guid.NewGuid(), new string('x', Options.MaxMessageLength + 1), Expert), Options, Now));
        Refused(Refusal.Conflict, SayMessage.Decide(Scheduled(), new(Guid.Empty, Guid.NewGuid(), "Chào", Expert), Options, Now));
        var said = Single<ChatMessageSaid>(SayMessage.Decide(Live(), new(Guid.Empty, Guid.NewGuid(), "  Chào mọi người ", Expert), Options, Now));
        Assert.Equal("Chào mọi người", said.Text);
    }

    [Fact]
    public void Moderators_hide_a_message_once_with_a_reason()
    {
        var session = Live();
        var id = Guid.CreateVersion7();
        session = session.With(SayMessage.Decide(session, new(session.Id, id, "Quảng cáo", Expert), Options, Now));
        Refused(Refusal.Forbidden, HideMessage.Decide(session, new(session.Id, id, "Spam", Expert), Options, Now));
        Refused(Refusal.Invalid, HideMessage.Decide(session, new(session.Id, id, " ", Moderator), Options, Now));
        Refused(Refusal.NotFound, HideMessage.Decide(session, new(session.Id, Guid.NewGuid(), "Spam", Moderator), Options, Now));
        session = session.With(HideMessage.Decide(session, new(session.Id, id, "Spam", Moderator), Options, Now));
        Assert.True(session.Messages[id].IsHidden);
        Refused(Refusal.Conflict, HideMessage.Decide(session, new(session.Id, id, "Spam", Moderator), Options, Now));
    }

    [Fact]
    public void A_message_hidden_since_it_was_said_is_replayed_hidden()
    {
        var before = Live();
        var id = Guid.CreateVersion7();
        var said = SayMessage.Decide(before, new(before.Id, id, "Quảng cáo", Expert), Options, Now);
        var hidden = HideMessage.Decide(before.With(said), new(Guid.Empty, id, "Spam", Moderator), Options, Now);
        var changes = SessionChange.Of(before, [.. said.Events, .. hidden.Events]);

        Assert.False(changes[0].After.Messages[id].IsHidden);
        var replayed = changes[0].AsOf(changes[^1].After);
        Assert.True(replayed.After.Messages[id].IsHidden);
        Assert.Same(changes[1], changes[1].AsOf(changes[^1].After));
    }
}
