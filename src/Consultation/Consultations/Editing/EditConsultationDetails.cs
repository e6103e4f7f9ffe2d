using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Consultation.Consultations.Editing;

/// <summary>
/// Change title, summary, drafting agency, fields, audience or dates of a consultation that is not closed yet. Details
/// that leave the agency out keep the one the consultation names (callers older than agencies do not send it).
/// </summary>
public sealed record EditConsultationDetails(Guid ConsultationId, ConsultationDetailsInput Details, Caller Caller)
{
    /// <param name="draftingAgency">The agency the consultation will name (the one sent, else its current one), as loaded.</param>
    public static Decision Decide(ConsultationState state, EditConsultationDetails command, Agency? draftingAgency, ConsultationOptions options, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict(DomainText.ConsultationEndedNoEdit);
        var (details, errors) = command.Details.Validate(options);
        if (details is null) return Decision.Invalid(errors);
        var wanted = details.DraftingAgencyId ?? state.DraftingAgencyId;
        if (DraftingAgencies.Problem(wanted, draftingAgency, state.DraftingAgencyId) is { } problem) return problem;
        return Decision
            .Accept(new ConsultationDetailsEdited(state.Id, DraftingAgencies.Naming(details, wanted is null ? null : draftingAgency), command.Caller.UserName, now))
            .WithWarnings(ConsultationDetailsInput.Warnings(details, options));
    }
}

public sealed class EditConsultationDetailsHandler(ConsultationStream stream, IOptions<ConsultationOptions> options, AgencyQueries agencies)
{
    public async Task<CommandOutcome> Handle(EditConsultationDetails command, CancellationToken cancellation)
    {
        // The list is short; the consultation's current agency is known only once its stream is loaded.
        var all = await agencies.All(cancellation);
        return await stream.Append(command.ConsultationId, (state, now) => EditConsultationDetails.Decide(
            state, command, all.FirstOrDefault(a => a.Id == (command.Details.DraftingAgencyId ?? state.DraftingAgencyId)), options.Value, now), cancellation);
    }
}
