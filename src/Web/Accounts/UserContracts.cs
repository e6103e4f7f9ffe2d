using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;

namespace Nq45Consult.Web.Accounts;

/// <summary>Body of <c>POST /api/users</c>; no password means the platform generates a temporary one, shown once.</summary>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Email, List<string>? Roles, string? Password)
{
    public NewAccount ToInput() => new(UserName, DisplayName, Email, Roles, Password);
}

public sealed record RolesRequest(List<string>? Roles);

public sealed record DeactivateRequest(string? Reason);

/// <summary>No password: a generated temporary one (shown once) the person must change; with one, <c>mustChange</c> defaults to false.</summary>
public sealed record PasswordResetRequest(string? Password, bool? MustChange);

/// <summary>An account as admins see it; roles named as in <c>/api/me</c>, the agency by id. Never the password hash.</summary>
public sealed record UserView(
    string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool Active, bool MustChangePassword,
    string Source, DateTimeOffset RegisteredAt, Guid? AgencyId)
{
    public static UserView Of(Account a) => new(
        a.UserName, a.DisplayName, a.Email, [.. a.Roles.Select(r => r.ToString())], a.IsActive, a.MustChangePassword,
        a.ViaEntraId ? "entra-id" : "local", a.RegisteredAt, a.AgencyId);
}

/// <summary>The answer to a creation or a password reset: <see cref="TemporaryPassword"/> only when generated, and only this once.</summary>
public sealed record UserWithPassword(UserView User, string? TemporaryPassword);

/// <summary>One line of the audit history, roles named as in <c>/api/me</c> like everywhere else in this API.</summary>
public sealed record HistoryEntryView(
    long Version, DateTimeOffset At, string Action, string By, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Added,
    IReadOnlyList<string>? Removed, string? Reason, bool? MustChangePassword, string? Agency)
{
    public static HistoryEntryView Of(AccountHistoryEntry e) => new(
        e.Version, e.At, e.Action, e.By, Names(e.Roles), Names(e.Added), Names(e.Removed), e.Reason, e.MustChangePassword, e.Agency);

    private static string[]? Names(IReadOnlyList<Role>? roles) => roles?.Select(r => r.ToString()).ToArray();
}
