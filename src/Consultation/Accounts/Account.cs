using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Accounts;

// Every change to an account is an event on the account's stream, including sign-in outcomes: a public
// authority must be able to say who signed in and when, and the lock-out counter is then rebuilt from
// the same history instead of living in a separately mutated document. Nothing is ever deleted: an
// account that must stop working is deactivated, and its history stays readable.

/// <summary>
/// A new account: created by an admin or by demo seeding (local, with a password hash), or on the first sign-in
/// through Microsoft Entra ID (<see cref="ViaEntraId"/>, no password: the identity provider checks it).
/// </summary>
public sealed record AccountRegistered(
    Guid AccountId, string UserName, string DisplayName, IReadOnlyList<Role> Roles, string PasswordHash,
    DateTimeOffset RegisteredAt, string RegisteredBy, string? Email = null, bool MustChangePassword = false, bool ViaEntraId = false,
    string? EntraIdKey = null, bool EmailConfirmed = false);

/// <summary>
/// An Entra ID account registered before accounts were keyed by tenant and object id was claimed by the person whose
/// token carried its user name; from now on it is found by that key only.
/// </summary>
public sealed record AccountKeyedToEntraId(Guid AccountId, string EntraIdKey, DateTimeOffset KeyedAt);

/// <summary>
/// The person changed their own password, which ends their other sessions; or sign-in re-hashed it with stronger
/// settings (<see cref="Rehashed"/>), which changes nothing for any session.
/// </summary>
public sealed record PasswordChanged(Guid AccountId, string PasswordHash, DateTimeOffset ChangedAt, string ChangedBy, bool Rehashed = false);

public sealed record SignInSucceeded(Guid AccountId, DateTimeOffset SignedInAt);

public sealed record SignInFailed(Guid AccountId, DateTimeOffset FailedAt);

public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset LockedOutAt, DateTimeOffset LockedOutUntil);

/// <summary>The failed sign-ins counted and any lock-out in force no longer hold: the person proved who they are another way.</summary>
public sealed record AccountLockOutLifted(Guid AccountId, DateTimeOffset LiftedAt, string LiftedBy);

/// <summary>An admin (or, in Entra ID mode, the token's <c>roles</c> claim) changed the account's roles.</summary>
public sealed record AccountRolesChanged(
    Guid AccountId, IReadOnlyList<Role> Roles, IReadOnlyList<Role> Added, IReadOnlyList<Role> Removed, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>Sign-in is refused from now on and every open session ends at its next request.</summary>
public sealed record AccountDeactivated(Guid AccountId, string? Reason, DateTimeOffset DeactivatedAt, string DeactivatedBy);

public sealed record AccountReactivated(Guid AccountId, DateTimeOffset ReactivatedAt, string ReactivatedBy);

/// <summary>An admin set a new password (typed or generated); open sessions end, and the person may have to change it.</summary>
public sealed record PasswordReset(Guid AccountId, string PasswordHash, bool MustChangePassword, DateTimeOffset ResetAt, string ResetBy);

/// <summary>
/// An admin made the person a member of an agency (null: of none any more); officials respond only for the
/// consultations their agency drafts. The agency's name at that time is kept for the history.
/// </summary>
public sealed record AccountAssignedToAgency(Guid AccountId, Guid? AgencyId, string? AgencyName, DateTimeOffset AssignedAt, string AssignedBy);

/// <summary>The person chose the language of the site, their notifications and their e-mails (<see cref="Preferences.Languages"/>).</summary>
public sealed record AccountLanguageChosen(Guid AccountId, string Language, DateTimeOffset ChosenAt);

/// <summary>
/// The person asked to use <paramref name="NewEmail"/> from now on; the account keeps <paramref name="OldEmail"/> until the
/// link sent to the new address is followed, and the old address was told of the request.
/// </summary>
public sealed record EmailChangeRequested(Guid AccountId, string? OldEmail, string NewEmail, DateTimeOffset RequestedAt);

/// <summary>The link sent to the new address was followed: the address is the person's and the account's from now on.</summary>
public sealed record EmailChanged(Guid AccountId, string? OldEmail, string NewEmail, DateTimeOffset ChangedAt);

/// <summary>An account as sign-in, session checks and administration need it; built inline from the account's stream.</summary>
public sealed record Account(
    Guid Id, string UserName, string NormalizedUserName, string DisplayName, IReadOnlyList<Role> Roles,
    string PasswordHash, int FailedSignIns, DateTimeOffset? LockedOutUntil)
{
    public string? Email { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public bool ViaEntraId { get; init; }

    /// <summary>
    /// <c>{tenant id}/{object id}</c> of an Entra ID account, in lower case: how its person is recognised, whatever
    /// their user name is today. Null for local accounts (and Entra ID ones not yet keyed).
    /// </summary>
    public string? EntraIdKey { get; init; }

    /// <summary>False by default, so documents written before deactivation existed read as active.</summary>
    public bool Deactivated { get; init; }

    /// <summary>The password was set by an admin; the person is asked to choose their own at sign-in.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>
    /// Changes whenever open sessions must end (deactivation, password reset, the person's own password change).
    /// Sessions carry the stamp they
    /// were issued with and are refused once it differs.
    /// </summary>
    public int SecurityStamp { get; init; }

    /// <summary>The agency the person works for (<see cref="AccountAssignedToAgency"/>); null for none.</summary>
    public Guid? AgencyId { get; init; }

    /// <summary>The person's language (<see cref="Preferences.Languages"/>); null until they choose one, which means the site's default.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether the person proved the address is theirs (a verified sign-up, an accepted invitation, a confirmed change):
    /// only such an address may link an Entra ID identity to the account.
    /// </summary>
    public bool EmailConfirmed { get; init; }

    /// <summary>The address of an <see cref="EmailChangeRequested"/> whose link was not followed yet.</summary>
    public string? PendingEmail { get; init; }

    /// <summary>User name, display name and e-mail in lower case, for the admins' search.</summary>
    public string SearchText { get; init; } = "";

    public bool IsActive => !Deactivated;

    public bool IsActiveAdmin => IsActive && Roles.Contains(Role.Admin);

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;

    public static string SearchTextOf(string userName, string displayName, string? email) =>
        $"{userName} {displayName} {email}".ToLowerInvariant();
}

public sealed class AccountProjection : SingleStreamProjection<Account, Guid>
{
    public static Account Create(AccountRegistered e) =>
        new(e.AccountId, e.UserName, Account.Normalize(e.UserName), e.DisplayName, e.Roles, e.PasswordHash, 0, null)
        {
            Email = e.Email,
            RegisteredAt = e.RegisteredAt,
            ViaEntraId = e.ViaEntraId,
            EntraIdKey = e.EntraIdKey,
            MustChangePassword = e.MustChangePassword,
            EmailConfirmed = e.EmailConfirmed,
            SearchText = Account.SearchTextOf(e.UserName, e.DisplayName, e.Email),
        };

    public static Account Apply(PasswordChanged e, Account account) => account with
    {
        PasswordHash = e.PasswordHash,
        MustChangePassword = false,
        SecurityStamp = e.Rehashed ? account.SecurityStamp : account.SecurityStamp + 1,
    };

    public static Account Apply(SignInSucceeded e, Account account) => account with { FailedSignIns = 0, LockedOutUntil = null };

    public static Account Apply(SignInFailed e, Account account) => account with { FailedSignIns = account.FailedSignIns + 1 };

    public static Account Apply(AccountLockedOut e, Account account) => account with { FailedSignIns = 0, LockedOutUntil = e.LockedOutUntil };

    public static Account Apply(AccountLockOutLifted e, Account account) => account with { FailedSignIns = 0, LockedOutUntil = null };

    public static Account Apply(AccountRolesChanged e, Account account) => account with { Roles = e.Roles };

    public static Account Apply(AccountKeyedToEntraId e, Account account) => account with { EntraIdKey = e.EntraIdKey };

    public static Account Apply(AccountAssignedToAgency e, Account account) => account with { AgencyId = e.AgencyId };

    public static Account Apply(AccountDeactivated e, Account account) =>
        account with { Deactivated = true, SecurityStamp = account.SecurityStamp + 1 };

    public static Account Apply(AccountReactivated e, Account account) => account with { Deactivated = false };

    public static Account Apply(AccountLanguageChosen e, Account account) => account with { Language = e.Language };

    public static Account Apply(EmailChangeRequested e, Account account) => account with { PendingEmail = e.NewEmail };

    public static Account Apply(EmailChanged e, Account account) => account with
    {
        Email = e.NewEmail,
        EmailConfirmed = true,
        PendingEmail = null,
        SearchText = Account.SearchTextOf(account.UserName, account.DisplayName, e.NewEmail),
    };

    public static Account Apply(PasswordReset e, Account account) => account with
    {
        PasswordHash = e.PasswordHash,
        MustChangePassword = e.MustChangePassword,
        FailedSignIns = 0,
        LockedOutUntil = null,
        SecurityStamp = account.SecurityStamp + 1,
    };
}
