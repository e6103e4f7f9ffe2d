using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>
/// A command's result: not found (<see cref="Decision"/> null), refused (the decision says why) or the account as it
/// now stands, with the password to show once when the platform generated it.
/// </summary>
public sealed record AccountOutcome(Decision? Decision, Account? Account, string? TemporaryPassword = null)
{
    public static readonly AccountOutcome NotFound = new(null, null);

    /// <summary>
    /// The actor was an admin when their request was authorized but no longer is once it is its turn (another admin
    /// demoted or deactivated them meanwhile): nothing is changed (403).
    /// </summary>
    public static readonly AccountOutcome ActorNotAdmin =
        new(Decision.Conflict("Bạn không còn là quản trị viên đang hoạt động."), null) { ActorRefused = true };

    public bool ActorRefused { get; private init; }
}

/// <summary>Which accounts the admins' list shows.</summary>
public sealed record AccountFilter(string? Text, Role? Role, bool? Active);

/// <summary>What admins do to accounts, against the event store; the rules live in the decide functions.</summary>
public sealed class UserAdministration(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    public const string DuplicateUserName = "Tên đăng nhập này đã có người dùng.";

    public async Task<AccountOutcome> Create(NewAccount input, string by, CancellationToken cancellation = default)
    {
        var (command, errors) = input.Validate(by);
        if (command is null) return new(Decision.Invalid(errors), null);
        await using var session = store.LightweightSession();
        if (await Register.ExistsAsync(session, command.UserName, cancellation)) return new(Duplicate, null);
        try
        {
            var id = await Register.HandleAsync(session, hasher, time, command, cancellation);
            return new(Decision.Accept(), await session.LoadAsync<Account>(id, cancellation), command.MustChangePassword ? command.Password : null);
        }
        catch (Exception e) when (IsUserNameTaken(e))
        {
            // The same user name registered at the same moment by another admin: the unique index decided.
            return new(Duplicate, null);
        }
    }

    private static bool IsUserNameTaken(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: AccountsStore.UserNameIndex }) return true;
        return false;
    }

    private static Decision Duplicate =>
        Decision.Conflict("userName", DuplicateUserName);

    public Task<AccountOutcome> ChangeRoles(string userName, IReadOnlyList<string>? roleNames, string by, CancellationToken cancellation = default)
    {
        var (roles, problem) = RoleNames.Parse(roleNames);
        return Change(userName, by, cancellation, (account, otherAdmins, now) =>
            problem is not null ? Decision.Invalid("roles", problem) : Administering.ChangeRoles.Decide(account, roles!, otherAdmins, by, now));
    }

    public Task<AccountOutcome> Deactivate(string userName, string? reason, string by, CancellationToken cancellation = default) =>
        Change(userName, by, cancellation, (account, otherAdmins, now) => Deactivation.Deactivate(account, reason, otherAdmins, by, now));

    public Task<AccountOutcome> Reactivate(string userName, string by, CancellationToken cancellation = default) =>
        Change(userName, by, cancellation, (account, _, now) => Deactivation.Reactivate(account, by, now));

    public async Task<AccountOutcome> ResetPassword(string userName, string? password, bool? mustChange, string by, CancellationToken cancellation = default)
    {
        string? chosen = null;
        var outcome = await Change(userName, by, cancellation, (account, _, now) =>
        {
            var (decision, generatedOrTyped) = Administering.ResetPassword.Decide(account, password, mustChange, hasher.Hash, by, now);
            chosen = generatedOrTyped;
            return decision;
        });
        // Only a generated password is shown back: the admin already knows the one they typed.
        return string.IsNullOrEmpty(password) && outcome.Decision?.Accepted == true ? outcome with { TemporaryPassword = chosen } : outcome;
    }

    /// <summary>
    /// Key of the advisory lock every role, activation and password change takes. Each check of "another active admin
    /// remains" is then made after the previous change committed, so two admins demoting or deactivating each other
    /// at the same instant cannot both pass it; the lock is per installation (admin changes are rare and short).
    /// </summary>
    public const long AdminChangesLock = 0x6E71_3435_4164_6D6E; // "nq45Admn"

    private const int Attempts = 3;

    /// <summary>
    /// Under the lock and in one transaction: checks the actor is still an active admin, loads the account, decides with
    /// the count of other active admins, appends at the version read. Everything is read after the lock is granted, so
    /// it sees every change committed before; a sign-in appending to the same stream meanwhile makes it start again.
    /// </summary>
    private async Task<AccountOutcome> Change(string userName, string by, CancellationToken cancellation, Func<Account, int, DateTimeOffset, Decision> decide)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeOnce(userName, by, cancellation, decide);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                // Sign-in outcomes are appended to the same stream without the lock; decide again on the new version.
            }
        }
    }

    private async Task<AccountOutcome> ChangeOnce(string userName, string by, CancellationToken cancellation, Func<Account, int, DateTimeOffset, Decision> decide)
    {
        await using var session = store.LightweightSession();
        // The lock must be taken inside the transaction that appends: outside one, each statement is its own
        // transaction and pg_advisory_xact_lock is released as soon as it returns.
        await session.BeginTransactionAsync(cancellation);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", cancellation, AdminChangesLock);
        if (await Register.FindAsync(session, by, cancellation) is not { IsActiveAdmin: true }) return AccountOutcome.ActorNotAdmin;
        var account = await Register.FindAsync(session, userName, cancellation);
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

    public async Task<Account?> Find(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await Register.FindAsync(session, userName, cancellation);
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
        var account = await Register.FindAsync(session, userName, cancellation);
        if (account is null) return null;
        var events = await session.Events.FetchStreamAsync(account.Id, token: cancellation);
        return [.. events.Select(e => AccountHistory.Of(e.Version, e.Data, account.UserName)).OfType<AccountHistoryEntry>()];
    }
}
