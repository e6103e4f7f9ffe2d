namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator moves the session to the next step of its agenda.</summary>
public static class MoveToNextAgendaStep
{
    public static DialogueDecision Decide(DialogueSession session, Participant actor, DateTimeOffset now) =>
        Rules.Moderator(actor)
        ?? Rules.Live(session)
        ?? (session.AgendaStep is not { } step ? DialogueDecision.Conflict("Phiên này không có chương trình.")
            : step + 1 >= session.Agenda.Count ? DialogueDecision.Conflict("Đã ở bước cuối của chương trình.")
            : DialogueDecision.Accept(new AgendaStepMoved(session.Id, step + 1, actor.UserName, now)));
}
