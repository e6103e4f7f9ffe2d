using Marten;
using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>
/// An admin makes an official a member of an agency (<see cref="AgencyId"/> null: of none any more). A retired agency
/// takes no new members; the one the person is already in may stay named.
/// </summary>
public sealed record AssignAgency(string UserName, Guid? AgencyId, string By)
{
    /// <param name="agency">The agency <see cref="AgencyId"/> names, or null when there is no such agency.</param>
    public static Decision Decide(Account target, Agency? agency, AssignAgency command, DateTimeOffset now)
    {
        if (command.AgencyId is null)
            return target.AgencyId is null ? Decision.Accept() : Decision.Accept(new AccountAssignedToAgency(target.Id, null, null, now, command.By));
        if (agency is null || agency.Id != command.AgencyId) return Decision.Invalid("agencyId", DomainText.AgencyUnknown);
        if (target.AgencyId == agency.Id) return Decision.Accept();
        if (agency.Retired) return Decision.Invalid("agencyId", DomainText.AgencyRetiredNoMembers(agency.Name));
        if (!target.Roles.Contains(Role.Official))
            return Decision.Conflict(DomainText.AgencyOfficialsOnly);
        return Decision.Accept(new AccountAssignedToAgency(target.Id, agency.Id, agency.Name, now, command.By));
    }
}

public sealed class AssignAgencyHandler(IDocumentStore store, AgencyQueries agencies, TimeProvider time)
{
    public async Task<AccountOutcome> Handle(AssignAgency command, CancellationToken cancellation)
    {
        var agency = command.AgencyId is { } id ? await agencies.Find(id, cancellation) : null;
        return await AdminChanges.Run(store, time, command.UserName, command.By,
            (account, _, now) => AssignAgency.Decide(account, agency, command, now), cancellation);
    }
}
