namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator opens the room: questions, polls and chat become possible.</summary>
public static class StartSession
{
    public static DialogueDecision Decide(DialogueSession session, Participant actor, DateTimeOffset now) =>
        Rules.Moderator(actor)
        ?? (session.Status != SessionStatus.Scheduled
            ? DialogueDecision.Conflict(session.IsLive ? "Phiên đối thoại đang diễn ra." : "Phiên đối thoại đã kết thúc.")
            : DialogueDecision.Accept(new SessionStarted(session.Id, actor.UserName, now)));
}
