using Marten;

namespace Nq45Consult.Consultation.Accounts;

/// <summary>Finds an account by user name, whatever its case or surrounding spaces; shared by the handlers that need one.</summary>
public static class AccountLookup
{
    public static Task<Account?> FindAsync(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var normalized = Account.Normalize(userName);
        return session.Query<Account>().SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellation);
    }

    public static async Task<bool> ExistsAsync(IQuerySession session, string userName, CancellationToken cancellation) =>
        await FindAsync(session, userName, cancellation) is not null;
}
