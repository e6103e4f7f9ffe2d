using System.Collections.Concurrent;
using Marten;
using Npgsql;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Accounts.Caching;

/// <summary>
/// The accounts every signed-in request is checked against (active? same security stamp? which roles?), kept in
/// memory on each node so that the check does not cost a database read per request. An entry is only kept while
/// this node listens to <see cref="Channel"/>, on which every transaction that changes what a session check reads
/// notifies its account (<see cref="AccountChangeSignal"/>, delivered when it commits); the node that made the
/// change also drops its entry right after the commit. While the listening connection is down nothing is cached
/// and every check reads the database, so a lost notification can never leave a deactivated account signed in.
/// Another node learns of a change a few milliseconds after its commit.
/// </summary>
public sealed class AccountCache(TimeProvider time)
{
    public const string Channel = "nq45_account_changed";

    /// <summary>
    /// The longest an entry is served without reading the database again. Notifications make changes reach the cache
    /// at once; this bounds the damage if they ever stop arriving unnoticed (e.g. a pooler in transaction mode, which
    /// accepts LISTEN but never delivers).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (Account Account, DateTimeOffset ReadAt)> accounts = new();
    // Bumped by every eviction and by every gain or loss of the listening connection: a read that overlapped one
    // of them may have read an account the notification was about, so it is not kept.
    private long changes;
    private volatile bool listening;

    /// <summary>Most accounts read in one query.</summary>
    private const int MaxReadBatch = 500;

    // Per store: a cache serves one app, whose one store every caller passes.
    private readonly ConcurrentDictionary<IDocumentStore, GroupCommit<Guid, Account?>> reads = new();

    /// <summary>Whether the cache listens to account changes, and so keeps what it reads.</summary>
    public bool Listening => listening;

    /// <summary>The account as <paramref name="store"/> holds it, from memory when this node has it.</summary>
    public async Task<Account?> Find(IDocumentStore store, Guid id, CancellationToken cancellation = default)
    {
        if (listening && accounts.TryGetValue(id, out var cached) && time.GetUtcNow() - cached.ReadAt < MaxAge)
            return cached.Account;
        return await reads.GetOrAdd(store, s => new GroupCommit<Guid, Account?>(ids => Read(s, ids), MaxReadBatch)).Enqueue(id, cancellation);
    }

    /// <summary>
    /// Reads, in one query, every account whose check came while the previous read ran (a group read, as a group commit
    /// writes): the entries of a live room's people were read when their connections opened, within seconds of each
    /// other, so they reach <see cref="MaxAge"/> together and the room's next storm of calls checks them all again.
    /// </summary>
    private async Task<IReadOnlyList<Task<Account?>>> Read(IDocumentStore store, IReadOnlyList<Guid> ids)
    {
        var before = Interlocked.Read(ref changes);
        var wasListening = listening;
        var readAt = time.GetUtcNow();
        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<Account>(ids.Distinct())).ToDictionary(a => a.Id);
        var keep = wasListening && Interlocked.Read(ref changes) == before;
        if (keep)
            foreach (var account in found.Values) accounts[account.Id] = (account, readAt);
        return [.. ids.Select(id => Task.FromResult<Account?>(found.GetValueOrDefault(id)))];
    }

    /// <summary>
    /// An account changed in a way session checks see, on this node (right after the commit) or on another (when its
    /// notification arrives); may be raised more than once for one change.
    /// </summary>
    public event Action<Guid>? Changed;

    public void Evict(Guid id)
    {
        Interlocked.Increment(ref changes);
        accounts.TryRemove(id, out _);
        Changed?.Invoke(id);
    }

    /// <summary>
    /// Listens to <see cref="Channel"/> on a connection of its own until <paramref name="cancellation"/>, reconnecting
    /// after <paramref name="retryAfter"/> when the connection fails; the cache is only used while it listens.
    /// </summary>
    public async Task Listen(string connectionString, TimeSpan retryAfter, Action<Exception>? failed = null, CancellationToken cancellation = default)
    {
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellation);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var id)) Evict(id);
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection)) await listen.ExecuteNonQueryAsync(cancellation);
                Reset(listen: true);
                while (true) await connection.WaitAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                break;
            }
            // Whatever broke the connection, the cache stops keeping entries and the loop listens again: a failure
            // here must never stop the app.
            catch (Exception e)
            {
                Reset(listen: false);
                failed?.Invoke(e);
                try
                {
                    await Task.Delay(retryAfter, cancellation);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                Reset(listen: false);
            }
        }
    }

    private void Reset(bool listen)
    {
        listening = listen;
        Interlocked.Increment(ref changes);
        accounts.Clear();
    }
}
