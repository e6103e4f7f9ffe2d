using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Experts.Invitations;

/// <summary>
/// Invitations to a consultation (a live session's room admits whoever its consultation invited): the registry's part
/// is resolved into accounts, then the consultation records the usual <see cref="ExpertsInvited"/>.
/// </summary>
public sealed record InviteFromRegistry(Guid ConsultationId, Invitees Invitees, Caller Caller);

public sealed class InviteFromRegistryHandler(InviteExpertsHandler invite, RegistrySearch registry)
{
    public async Task<CommandOutcome> Handle(InviteFromRegistry command, CancellationToken cancellation)
    {
        var invitees = command.Invitees;
        IReadOnlyList<string> found = [];
        if (invitees.FromRegistry)
        {
            var (names, refusal) = await registry.Invitees(invitees.Fields ?? [], invitees.Associations ?? [], invitees.SavedFilters ?? [], cancellation);
            if (refusal is not null) return new CommandOutcome(refusal, null);
            found = names;
        }
        return await invite.Handle(new InviteExperts(command.ConsultationId, invitees.UserNames, command.Caller, found), cancellation);
    }
}
