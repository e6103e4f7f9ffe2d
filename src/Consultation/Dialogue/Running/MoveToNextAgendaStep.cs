namespace Nq45Consult.Consultation.Dialogue.Running;

/// <summary>A moderator moves the session to the next step of its agenda.</summary>
public sealed record MoveToNextAgendaStep(Guid SessionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, MoveToNextAgendaStep command, DateTimeOffset now) =>
        Rules.Moderator(command.Caller)
        ?? Rules.Live(session)
        ?? (session.AgendaStep is not { } step ? Decision.Conflict(DomainText.SessionHasNoAgenda)
            : step + 1 >= session.Agenda.Count ? Decision.Conflict(DomainText.AgendaAtLastStep)
            : Decision.Accept(new AgendaStepMoved(session.Id, step + 1, command.Caller.UserName, now)));
}

public sealed class MoveToNextAgendaStepHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(MoveToNextAgendaStep command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => MoveToNextAgendaStep.Decide(session, command, now), cancellation);
}
