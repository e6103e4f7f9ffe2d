using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Cases;

/// <summary>Who hears from the Union on behalf of an agency: its active officials.</summary>
internal static class AgencyOfficials
{
    public static async Task<IReadOnlyList<string>> Of(IQuerySession session, Guid agencyId, CancellationToken cancellation) =>
        [.. (await session.Query<Account>().Where(a => a.AgencyId == agencyId && !a.Deactivated).ToListAsync(cancellation))
            .Where(a => a.Roles.Contains(Role.Official)).Select(a => a.UserName)];
}
