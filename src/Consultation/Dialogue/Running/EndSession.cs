namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator closes the room; the record stays as the transcript.</summary>
public static class EndSession
{
    public static Decision Decide(DialogueSession session, Participant actor, DateTimeOffset now) =>
        Rules.Moderator(actor)
        ?? Rules.Live(session)
        ?? Decision.Accept(new SessionEnded(session.Id, actor.UserName, now));
}
