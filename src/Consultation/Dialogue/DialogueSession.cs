using System.Collections.Immutable;

namespace Nq45Consult.Consultation.Dialogue;

// Events of a live dialogue session's stream: past tense, each with who and when. The stream version
// of an event is the `seq` every client sees, so the order of what happened is total and replayable.
// Presence (joined/left) is deliberately not here: it churns with every reconnect, carries nothing the
// transcript or the synthesis report needs, and with thousands of participants would dominate the
// stream; it is kept in memory by the hub and broadcast as a count.

public sealed record SessionScheduled(
    Guid SessionId, Guid ConsultationId, string Title, DateTimeOffset StartsAt, IReadOnlyList<string> Agenda,
    bool PreModeration, string ScheduledBy, DateTimeOffset ScheduledAt);

public sealed record SessionStarted(Guid SessionId, string StartedBy, DateTimeOffset StartedAt);

public sealed record AgendaStepMoved(Guid SessionId, int Step, string MovedBy, DateTimeOffset MovedAt);

public sealed record SessionEnded(Guid SessionId, string EndedBy, DateTimeOffset EndedAt);

public sealed record QuestionAsked(
    Guid SessionId, Guid QuestionId, string Text, string? SectionAnchor, bool NeedsApproval,
    string AskedBy, string AskedByName, DateTimeOffset AskedAt);

public sealed record QuestionUpvoted(Guid SessionId, Guid QuestionId, string UpvotedBy, DateTimeOffset UpvotedAt);

public sealed record QuestionUpvoteWithdrawn(Guid SessionId, Guid QuestionId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

public sealed record QuestionApproved(Guid SessionId, Guid QuestionId, string ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record QuestionRejected(Guid SessionId, Guid QuestionId, string Reason, string RejectedBy, DateTimeOffset RejectedAt);

public sealed record QuestionAnswered(
    Guid SessionId, Guid QuestionId, string Text, string AnsweredBy, string AnsweredByName, DateTimeOffset AnsweredAt);

/// <summary><paramref name="QuestionId"/> null: the pinned question was unpinned.</summary>
public sealed record QuestionPinned(Guid SessionId, Guid? QuestionId, string PinnedBy, DateTimeOffset PinnedAt);

public sealed record PollOpened(
    Guid SessionId, Guid PollId, string Question, IReadOnlyList<string> Options, bool MultipleChoice,
    string OpenedBy, DateTimeOffset OpenedAt);

/// <summary>A voter's whole selection, replacing any earlier one (a changed vote); empty withdraws it.</summary>
public sealed record PollVoteCast(Guid SessionId, Guid PollId, IReadOnlyList<int> Selection, string VotedBy, DateTimeOffset VotedAt);

public sealed record PollClosed(Guid SessionId, Guid PollId, string ClosedBy, DateTimeOffset ClosedAt);

public sealed record ChatMessageSaid(Guid SessionId, Guid MessageId, string Text, string SaidBy, string SaidByName, DateTimeOffset SaidAt);

public sealed record ChatMessageHidden(Guid SessionId, Guid MessageId, string Reason, string HiddenBy, DateTimeOffset HiddenAt);

public enum SessionStatus
{
    Scheduled,
    Live,
    Ended,
}

/// <summary>A session as the decide functions and the room's snapshot need it, folded from its events.</summary>
public sealed record DialogueSession(
    Guid Id,
    Guid ConsultationId,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Agenda,
    bool PreModeration,
    SessionStatus Status,
    int? AgendaStep,
    Guid? PinnedQuestionId,
    ImmutableDictionary<Guid, Question> Questions,
    ImmutableDictionary<Guid, Poll> Polls,
    ImmutableDictionary<Guid, ChatMessage> Messages,
    long Version)
{
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(SessionScheduled), typeof(SessionStarted), typeof(AgendaStepMoved), typeof(SessionEnded),
        typeof(QuestionAsked), typeof(QuestionUpvoted), typeof(QuestionUpvoteWithdrawn), typeof(QuestionApproved),
        typeof(QuestionRejected), typeof(QuestionAnswered), typeof(QuestionPinned),
        typeof(PollOpened), typeof(PollVoteCast), typeof(PollClosed),
        typeof(ChatMessageSaid), typeof(ChatMessageHidden),
    ];

    public static DialogueSession Create(SessionScheduled e) => new(
        e.SessionId, e.ConsultationId, e.Title, e.StartsAt, e.Agenda, e.PreModeration, SessionStatus.Scheduled,
        null, null, [], [], [], 1);

    /// <summary>Folds a whole stream; null when it holds nothing.</summary>
    public static DialogueSession? Fold(IEnumerable<object> events)
    {
        DialogueSession? state = null;
        foreach (var e in events) state = state is null ? Create((SessionScheduled)e) : state.Apply(e);
        return state;
    }

    /// <summary>The state after one more event; <see cref="Version"/> moves with it.</summary>
    public DialogueSession Apply(object @event) => (@event switch
    {
        SessionStarted => this with { Status = SessionStatus.Live, AgendaStep = Agenda.Count > 0 ? 0 : null },
        AgendaStepMoved e => this with { AgendaStep = e.Step },
        SessionEnded => this with { Status = SessionStatus.Ended },
        QuestionAsked e => this with { Questions = Questions.Add(e.QuestionId, Question.From(e, Version + 1)) },
        QuestionUpvoted e => WithQuestion(e.QuestionId, q => q with { Voters = q.Voters.Add(e.UpvotedBy) }),
        QuestionUpvoteWithdrawn e => WithQuestion(e.QuestionId, q => q with { Voters = q.Voters.Remove(e.WithdrawnBy) }),
        QuestionApproved e => WithQuestion(e.QuestionId, q => q with { Status = QuestionStatus.Visible, EverPublic = true }),
        QuestionRejected e => WithQuestion(e.QuestionId, q => q with { Status = QuestionStatus.Rejected, RejectionReason = e.Reason }),
        QuestionAnswered e => WithQuestion(e.QuestionId, q => q with
        {
            Status = QuestionStatus.Visible, EverPublic = true, Answer = e.Text, AnsweredByName = e.AnsweredByName, AnsweredAt = e.AnsweredAt,
        }),
        QuestionPinned e => this with { PinnedQuestionId = e.QuestionId },
        PollOpened e => this with { Polls = Polls.Add(e.PollId, Poll.From(e, Version + 1)) },
        PollVoteCast e => WithPoll(e.PollId, p => p.WithBallot(e.VotedBy, e.Selection)),
        PollClosed e => WithPoll(e.PollId, p => p with { IsOpen = false }),
        ChatMessageSaid e => this with { Messages = Messages.Add(e.MessageId, ChatMessage.From(e, Version + 1)) },
        ChatMessageHidden e => this with { Messages = Messages.SetItem(e.MessageId, Messages[e.MessageId] with { HiddenReason = e.Reason }) },
        _ => this,
    }) with { Version = Version + 1 };

    public bool IsLive => Status == SessionStatus.Live;

    /// <summary>Questions as the room lists them: most votes first, then the earliest.</summary>
    public IEnumerable<Question> Ranked() =>
        Questions.Values.OrderByDescending(q => q.Votes).ThenBy(q => q.AskedSeq);

    private DialogueSession WithQuestion(Guid id, Func<Question, Question> change) =>
        this with { Questions = Questions.SetItem(id, change(Questions[id])) };

    private DialogueSession WithPoll(Guid id, Func<Poll, Poll> change) =>
        this with { Polls = Polls.SetItem(id, change(Polls[id])) };
}
