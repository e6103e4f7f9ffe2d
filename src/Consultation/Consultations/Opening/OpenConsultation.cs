namespace Nq45Consult.Consultation.Consultations.Opening;

/// <summary>
/// Open a draft consultation for feedback; it needs something to take part in (a published version, or a
/// survey for a survey-only consultation) and a closing time still ahead.
/// </summary>
public sealed record OpenConsultation(Guid ConsultationId, Caller Caller)
{
    public static Decision Decide(ConsultationState state, OpenConsultation command, DateTimeOffset now) => state.Status switch
    {
        ConsultationStatus.Open => Decision.Conflict(DomainText.ConsultationAlreadyOpen),
        not ConsultationStatus.Draft => Decision.Conflict(DomainText.ConsultationEndedNoReopen),
        _ when !state.HasContent => Decision.Conflict(DomainText.ConsultationHasNoContent),
        _ when state.ClosesAt <= now => Decision.Conflict(DomainText.ClosingTimePassed),
        _ => Decision.Accept(new ConsultationOpened(state.Id, command.Caller.UserName, now)),
    };
}

public sealed class OpenConsultationHandler(ConsultationStream stream)
{
    public Task<CommandOutcome> Handle(OpenConsultation command, CancellationToken cancellation) =>
        stream.Append(command.ConsultationId, (state, now) => OpenConsultation.Decide(state, command, now), cancellation);
}
