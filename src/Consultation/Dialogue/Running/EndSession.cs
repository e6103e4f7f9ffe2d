namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator closes the room; the record stays as the transcript.</summary>
public sealed record EndSession(Guid SessionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, EndSession command, DateTimeOffset now) =>
        Rules.Moderator(command.Caller)
        ?? Rules.Live(session)
        ?? Decision.Accept(new SessionEnded(session.Id, command.Caller.UserName, now));
}

public sealed class EndSessionHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(EndSession command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => EndSession.Decide(session, command, now), cancellation);
}
