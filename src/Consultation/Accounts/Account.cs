using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Accounts;

// Every change to an account is an event on the account's stream, including sign-in outcomes: a public
// authority must be able to say who signed in and when, and the lock-out counter is then rebuilt from
// the same history instead of living in a separately mutated document.

public sealed record AccountRegistered(
    Guid AccountId, string UserName, string DisplayName, IReadOnlyList<Role> Roles, string PasswordHash,
    DateTimeOffset RegisteredAt, string RegisteredBy);

public sealed record PasswordChanged(Guid AccountId, string PasswordHash, DateTimeOffset ChangedAt, string ChangedBy);

public sealed record SignInSucceeded(Guid AccountId, DateTimeOffset SignedInAt);

public sealed record SignInFailed(Guid AccountId, DateTimeOffset FailedAt);

public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset LockedOutAt, DateTimeOffset LockedOutUntil);

/// <summary>A local account as sign-in needs it; built inline from the account's stream.</summary>
public sealed record Account(
    Guid Id, string UserName, string NormalizedUserName, string DisplayName, IReadOnlyList<Role> Roles,
    string PasswordHash, int FailedSignIns, DateTimeOffset? LockedOutUntil)
{
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;
}

public sealed class AccountProjection : SingleStreamProjection<Account, Guid>
{
    public static Account Create(AccountRegistered e) =>
        new(e.AccountId, e.UserName, Account.Normalize(e.UserName), e.DisplayName, e.Roles, e.PasswordHash, 0, null);

    public static Account Apply(PasswordChanged e, Account account) => account with { PasswordHash = e.PasswordHash };

    public static Account Apply(SignInSucceeded e, Account account) => account with { FailedSignIns = 0, LockedOutUntil = null };

    public static Account Apply(SignInFailed e, Account account) => account with { FailedSignIns = account.FailedSignIns + 1 };

    public static Account Apply(AccountLockedOut e, Account account) => account with { FailedSignIns = 0, LockedOutUntil = e.LockedOutUntil };
}
