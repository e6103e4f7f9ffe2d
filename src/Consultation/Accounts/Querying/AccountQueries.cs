using Marten;
using Nq45Consult.Consultation.Accounts.Administering;

namespace Nq45Consult.Consultation.Accounts.Querying;

/// <summary>Which accounts the admins' list shows.</summary>
public sealed record AccountFilter(string? Text, Role? Role, bool? Active);

/// <summary>What admins read about accounts: one account, the filtered list, the audit history.</summary>
public sealed class AccountQueries(IDocumentStore store)
{
    public async Task<Account?> Find(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await AccountLookup.FindAsync(session, userName, cancellation);
    }

    public async Task<IReadOnlyList<Account>> List(AccountFilter filter, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        IQueryable<Account> query = session.Query<Account>();
        foreach (var word in (filter.Text ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            query = query.Where(a => a.SearchText.Contains(word));
        if (filter.Role is { } role) query = query.Where(a => a.Roles.Contains(role));
        if (filter.Active is { } active) query = query.Where(a => a.Deactivated != active);
        return await query.OrderBy(a => a.NormalizedUserName).ToListAsync(cancellation);
    }

    /// <summary>The account's audit history, oldest first; null when there is no such account.</summary>
    public async Task<IReadOnlyList<AccountHistoryEntry>?> History(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var account = await AccountLookup.FindAsync(session, userName, cancellation);
        if (account is null) return null;
        var events = await session.Events.FetchStreamAsync(account.Id, token: cancellation);
        return [.. events.Select(e => AccountHistory.Of(e.Version, e.Data, account.UserName)).OfType<AccountHistoryEntry>()];
    }
}
