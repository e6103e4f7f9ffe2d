namespace Nq45Consult.Consultation.Dialogue.Polling;

/// <summary>A moderator closes a poll; its results are final.</summary>
public sealed record ClosePoll(Guid SessionId, Guid PollId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, ClosePoll command, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Polls.TryGetValue(command.PollId, out var poll)) return Rules.NoSuchPoll;
        return poll.IsOpen
            ? Decision.Accept(new PollClosed(session.Id, command.PollId, command.Caller.UserName, now))
            : Decision.Conflict(DomainText.PollClosed);
    }
}

public sealed class ClosePollHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(ClosePoll command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => ClosePoll.Decide(session, command, now), cancellation);
}
