namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator opens the room: questions, polls and chat become possible.</summary>
public static class StartSession
{
    public static Decision Decide(DialogueSession session, Participant actor, DateTimeOffset now) =>
        Rules.Moderator(actor)
        ?? (session.Status != SessionStatus.Scheduled
            ? Decision.Conflict(session.IsLive ? "Phiên đối thoại đang diễn ra." : "Phiên đối thoại đã kết thúc.")
            : Decision.Accept(new SessionStarted(session.Id, actor.UserName, now)));
}
