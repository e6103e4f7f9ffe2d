using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Accounts.Registering;

namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>An admin's request for a local account, as typed; <see cref="Validate"/> names every field at fault.</summary>
public sealed record NewAccount(string? UserName, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, string? Password)
{
    public const int MaxDisplayName = 200;

    /// <summary>The command to register (with the password to use: typed, or <paramref name="generated"/> when none was given), or the errors.</summary>
    public (RegisterAccount? Command, IReadOnlyDictionary<string, string[]> Errors) Validate(string registeredBy, string generated)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = UserName?.Trim() ?? "";
        if (UserNames.Problem(userName) is { } userNameProblem) errors["userName"] = [userNameProblem];

        var displayName = DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors["displayName"] = [DomainText.DisplayNameRequired];
        else if (displayName.Length > MaxDisplayName) errors["displayName"] = [DomainText.DisplayNameTooLong(MaxDisplayName)];

        var email = Email?.Trim() ?? "";
        if (email.Length == 0) errors["email"] = [DomainText.EmailRequired];
        else if (!EmailAddress.IsValid(email)) errors["email"] = [DomainText.EmailInvalid(email)];

        var (roles, roleProblem) = RoleNames.Parse(Roles);
        if (roleProblem is not null) errors["roles"] = [roleProblem];

        var isGenerated = string.IsNullOrEmpty(Password);
        var password = isGenerated ? generated : Password!;
        if (!isGenerated && Passwords.Weakness(password, userName) is { } weakness) errors["password"] = [weakness];

        if (errors.Count > 0) return (null, errors);
        // A generated password is a temporary one: the person chooses their own at first sign-in.
        return (new RegisterAccount(userName, displayName, roles!, password, registeredBy, email.ToLowerInvariant(), MustChangePassword: isGenerated), errors);
    }
}

public static partial class UserNames
{
    /// <summary>Why the user name cannot be used, or null. Letters without diacritics, digits and <c>. _ - @</c>, so it also fits an e-mail-style Entra ID name.</summary>
    public static string? Problem(string userName) =>
        userName.Length == 0 ? DomainText.UserNameRequired
        : userName.Length is < 3 or > 100 ? DomainText.UserNameLength
        : !Pattern().IsMatch(userName) ? DomainText.UserNameFormat
        : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex Pattern();
}

public static class RoleNames
{
    /// <summary>Roles named as in <c>/api/me</c> (any case); a missing list is an error, an empty one is allowed.</summary>
    public static (IReadOnlyList<Role>? Roles, string? Problem) Parse(IReadOnlyList<string>? names)
    {
        if (names is null) return (null, DomainText.RolesListRequired);
        var roles = new List<Role>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<Role>(name?.Trim(), ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(name, out _))
                return (null, DomainText.RoleUnknown(name, string.Join(", ", Enum.GetNames<Role>())));
            roles.Add(role);
        }
        return (roles.Distinct().Order().ToArray(), null);
    }
}
