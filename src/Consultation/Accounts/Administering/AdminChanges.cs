using JasperFx;
using Marten;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>How every admin change to an existing account is loaded, decided and appended (roles, activation, passwords).</summary>
internal static class AdminChanges
{
    /// <summary>
    /// Key of the advisory lock every role, activation and password change takes. Each check of "another active admin
    /// remains" is then made after the previous change committed, so two admins demoting or deactivating each other
    /// at the same instant cannot both pass it; the lock is per installation (admin changes are rare and short).
    /// </summary>
    private const long Lock = 0x6E71_3435_4164_6D6E; // "nq45Admn"

    private const int Attempts = 3;

    /// <summary>
    /// Under the lock and in one transaction: checks the actor is still an active admin, loads the account, decides with
    /// the count of other active admins, appends at the version read. Everything is read after the lock is granted, so
    /// it sees every change committed before; a sign-in appending to the same stream meanwhile makes it start again.
    /// </summary>
    public static async Task<AccountOutcome> Run(
        IDocumentStore store, TimeProvider time, string userName, string by, Func<Account, int, DateTimeOffset, Decision> decide,
        CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Once(store, time, userName, by, decide, cancellation);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // Sign-in outcomes are appended to the same stream without the lock; decide again on the new version.
            }
        }
    }

    private static async Task<AccountOutcome> Once(
        IDocumentStore store, TimeProvider time, string userName, string by, Func<Account, int, DateTimeOffset, Decision> decide,
        CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // The lock must be taken inside the transaction that appends: outside one, each statement is its own
        // transaction and pg_advisory_xact_lock is released as soon as it returns.
        await session.BeginTransactionAsync(cancellation);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", cancellation, Lock);
        if (await AccountLookup.FindAsync(session, by, cancellation) is not { IsActiveAdmin: true }) return AccountOutcome.ActorNotAdmin;
        var account = await AccountLookup.FindAsync(session, userName, cancellation);
        if (account is null) return AccountOutcome.NotFound;
        var stream = await session.Events.FetchForWriting<Account>(account.Id, cancellation);
        account = stream.Aggregate!;
        var otherAdmins = await session.Query<Account>().CountAsync(a => !a.Deactivated && a.Id != account.Id && a.Roles.Contains(Role.Admin), cancellation);
        var decision = decide(account, otherAdmins, time.GetUtcNow());
        if (!decision.Accepted || decision.Events.Count == 0) return new(decision, account);
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<Account>(account.Id, cancellation));
    }
}
