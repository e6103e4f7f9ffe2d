namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator moves the session to the next step of its agenda.</summary>
public static class MoveToNextAgendaStep
{
    public static Decision Decide(DialogueSession session, Participant actor, DateTimeOffset now) =>
        Rules.Moderator(actor)
        ?? Rules.Live(session)
        ?? (session.AgendaStep is not { } step ? Decision.Conflict("Phiên này không có chương trình.")
            : step + 1 >= session.Agenda.Count ? Decision.Conflict("Đã ở bước cuối của chương trình.")
            : Decision.Accept(new AgendaStepMoved(session.Id, step + 1, actor.UserName, now)));
}
