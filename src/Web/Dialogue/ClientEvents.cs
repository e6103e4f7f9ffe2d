using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Web.Dialogue;

/// <summary>Turns stored changes of a session into the events the room's clients receive.</summary>
public static class ClientEvents
{
    public const string QuestionAsked = "questionAsked";
    public const string QuestionUpdated = "questionUpdated";
    public const string Message = "message";
    public const string PollOpened = "pollOpened";
    public const string PollUpdated = "pollUpdated";
    public const string PollClosed = "pollClosed";
    public const string Presence = "presence";
    public const string SessionStarted = "sessionStarted";
    public const string SessionEnded = "sessionEnded";
    public const string AgendaChanged = "agendaChanged";
    public const string Pinned = "pinned";

    public static ClientEvent From(SessionChange change)
    {
        var s = change.After;
        var question = change.Question is { } q ? QuestionDto.From(q) : null;
        return change.Event switch
        {
            Consultation.Dialogue.QuestionAsked => new(QuestionAsked, change.Seq, Question: question),
            QuestionUpvoted or QuestionUpvoteWithdrawn or QuestionApproved or QuestionRejected or QuestionAnswered =>
                new(QuestionUpdated, change.Seq, Question: question),
            ChatMessageSaid e => new(Message, change.Seq, Message: MessageDto.From(s.Messages[e.MessageId])),
            ChatMessageHidden e => new(Message, change.Seq, Message: MessageDto.From(s.Messages[e.MessageId])),
            Consultation.Dialogue.PollOpened e => new(PollOpened, change.Seq, Poll: PollDto.From(s.Polls[e.PollId])),
            PollVoteCast e => new(PollUpdated, change.Seq, Poll: PollDto.From(s.Polls[e.PollId])),
            Consultation.Dialogue.PollClosed e => new(PollClosed, change.Seq, Poll: PollDto.From(s.Polls[e.PollId])),
            QuestionPinned e => new(Pinned, change.Seq, PinnedQuestionId: e.QuestionId),
            Consultation.Dialogue.SessionStarted => new(SessionStarted, change.Seq, Status: "live", AgendaStep: s.AgendaStep),
            Consultation.Dialogue.SessionEnded => new(SessionEnded, change.Seq, Status: "ended"),
            AgendaStepMoved e => new(AgendaChanged, change.Seq, AgendaStep: e.Step),
            _ => new("scheduled", change.Seq, Status: "scheduled"),
        };
    }

    /// <summary>Vote counts change often and only the latest matters: these may be coalesced per question or poll.</summary>
    public static string? CoalesceKey(SessionChange change) => change.Event switch
    {
        QuestionUpvoted e => $"q:{e.QuestionId}",
        QuestionUpvoteWithdrawn e => $"q:{e.QuestionId}",
        PollVoteCast e => $"p:{e.PollId}",
        _ => null,
    };
}
