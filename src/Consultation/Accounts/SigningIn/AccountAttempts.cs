using JasperFx;
using Marten;
using JasperFx.Events;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>
/// Attempts to prove a password (sign-in, the person's own password change) are recorded one at a time per account:
/// each is decided on the account as the previous one left it, so wrong passwords sent in parallel all count toward
/// the lock-out instead of overwriting one another's count.
/// </summary>
public static class AccountAttempts
{
    private const int Attempts = 3;

    /// <summary>
    /// Runs <paramref name="record"/> in a transaction holding the account's advisory lock, on the stream read after
    /// the lock was granted, and commits what it appended. An admin change appended meanwhile (it does not take this
    /// lock) makes it run again on the new version.
    /// </summary>
    public static Task<T> RecordAsync<T>(
        IDocumentStore store, Guid accountId, Func<IEventStream<Account>, T> record, CancellationToken cancellation) =>
        RecordAsync(store, accountId, (_, stream) => Task.FromResult(record(stream)), cancellation);

    /// <summary>
    /// The same, for a change that writes more than the account's stream in the same transaction (a link and its
    /// e-mail): <paramref name="record"/> gets the session too.
    /// </summary>
    public static async Task<T> RecordAsync<T>(
        IDocumentStore store, Guid accountId, Func<IDocumentSession, IEventStream<Account>, Task<T>> record, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            // Inside the transaction that appends, so the lock is held until the commit (see AdminChanges).
            await session.BeginTransactionAsync(cancellation);
            await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", cancellation, $"nq45-account:{accountId}");
            var stream = await session.Events.FetchForWriting<Account>(accountId, cancellation);
            var result = await record(session, stream);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return result;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }
}
