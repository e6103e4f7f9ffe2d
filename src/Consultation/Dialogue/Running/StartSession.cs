namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator opens the room: questions, polls and chat become possible.</summary>
public sealed record StartSession(Guid SessionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, StartSession command, DateTimeOffset now) =>
        Rules.Moderator(command.Caller)
        ?? (session.Status != SessionStatus.Scheduled
            ? Decision.Conflict(session.IsLive ? DomainText.SessionUnderWay : DomainText.SessionEnded)
            : Decision.Accept(new SessionStarted(session.Id, command.Caller.UserName, now)));
}

public sealed class StartSessionHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(StartSession command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => StartSession.Decide(session, command, now), cancellation);
}
