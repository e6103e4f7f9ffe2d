using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>One line of an account's audit history: what happened, when and by whom. Password hashes never appear.</summary>
public sealed record AccountHistoryEntry(
    long Version, DateTimeOffset At, string Action, string By,
    IReadOnlyList<Role>? Roles = null, IReadOnlyList<Role>? Added = null, IReadOnlyList<Role>? Removed = null,
    string? Reason = null, bool? MustChangePassword = null, string? Agency = null);

public static class AccountHistory
{
    /// <summary>The entry for an event of the account's stream; null for an event this history does not know.</summary>
    public static AccountHistoryEntry? Of(long version, object data, string userName) => data switch
    {
        AccountRegistered e => new(version, e.RegisteredAt, e.ViaEntraId ? "registered-via-entra-id" : "registered", e.RegisteredBy,
            Roles: e.Roles, MustChangePassword: e.MustChangePassword),
        AccountKeyedToEntraId e => new(version, e.KeyedAt, "keyed-to-entra-id", EntraIdSignIn.Actor),
        AccountRolesChanged e => new(version, e.ChangedAt, "roles-changed", e.ChangedBy, Roles: e.Roles, Added: e.Added, Removed: e.Removed),
        AccountAssignedToAgency e => new(version, e.AssignedAt, "agency-assigned", e.AssignedBy, Agency: e.AgencyName),
        AccountDeactivated e => new(version, e.DeactivatedAt, "deactivated", e.DeactivatedBy, Reason: e.Reason),
        AccountReactivated e => new(version, e.ReactivatedAt, "reactivated", e.ReactivatedBy),
        PasswordReset e => new(version, e.ResetAt, "password-reset", e.ResetBy, MustChangePassword: e.MustChangePassword),
        PasswordChanged e => new(version, e.ChangedAt, "password-changed", e.ChangedBy),
        EmailChangeRequested e => new(version, e.RequestedAt, "email-change-requested", userName),
        EmailChanged e => new(version, e.ChangedAt, "email-changed", userName),
        SignInSucceeded e => new(version, e.SignedInAt, "signed-in", userName),
        SignInFailed e => new(version, e.FailedAt, "sign-in-failed", userName),
        AccountLockedOut e => new(version, e.LockedOutAt, "locked-out", userName, Reason: DomainText.LockedOutUntil(e.LockedOutUntil)),
        AccountLockOutLifted e => new(version, e.LiftedAt, "lock-out-lifted", e.LiftedBy),
        _ => null,
    };
}
