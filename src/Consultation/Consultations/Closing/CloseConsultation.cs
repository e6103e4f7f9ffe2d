namespace Nq45Consult.Consultation.Consultations.Closing;

/// <summary>Close an open consultation; <see cref="Caller"/> null means it closes by itself at its closing time.</summary>
public sealed record CloseConsultation(Guid ConsultationId, Caller? Caller)
{
    public static Decision Decide(ConsultationState state, CloseConsultation command, DateTimeOffset now)
    {
        if (state.Status != ConsultationStatus.Open)
            return Decision.Conflict(state.Status == ConsultationStatus.Draft
                ? DomainText.ConsultationNotOpenNoClose
                : DomainText.ConsultationEnded);
        if (command.Caller is null && now < state.ClosesAt)
            return Decision.Conflict(DomainText.ClosingTimeNotReached);
        return Decision.Accept(new ConsultationClosed(state.Id, command.Caller?.UserName, now));
    }
}

/// <summary>A moderator closes the consultation before its closing time.</summary>
public sealed class CloseConsultationHandler(ConsultationStream stream)
{
    public Task<CommandOutcome> Handle(CloseConsultation command, CancellationToken cancellation) =>
        stream.Append(command.ConsultationId, (state, now) => CloseConsultation.Decide(state, command, now), cancellation);
}
