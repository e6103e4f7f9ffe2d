namespace Nq45Consult.Consultation.Consultations.Responding;

/// <summary>
/// The drafting agency publishes its responses to the feedback: the last step of a consultation
/// (closed → responded). Once only: the published synthesis is the record. Only officials of the agency the
/// consultation names publish (any official where it names none: <see cref="DraftingAgencies"/>).
/// </summary>
public sealed record PublishResponses(Guid ConsultationId, Caller Caller)
{
    public static Decision Decide(ConsultationState state, PublishResponses command, DateTimeOffset now) =>
        !DraftingAgencies.MayRespond(command.Caller, state.DraftingAgencyId) ? Decision.Forbid(DraftingAgencies.NotYourAgency) : state.Status switch
    {
        ConsultationStatus.Closed => Decision.Accept(new ResponsesPublished(state.Id, command.Caller.UserName, now)),
        ConsultationStatus.Responded => Decision.Conflict(DomainText.ResponsesAlreadyPublished),
        _ => Decision.Conflict(DomainText.ResponsesAfterCloseOnly),
    };
}

public sealed class PublishResponsesHandler(ConsultationStream stream)
{
    public Task<CommandOutcome> Handle(PublishResponses command, CancellationToken cancellation) =>
        stream.Append(command.ConsultationId, (state, now) => PublishResponses.Decide(state, command, now), cancellation);
}
