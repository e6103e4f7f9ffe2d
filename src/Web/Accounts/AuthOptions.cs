using Microsoft.Extensions.Options;

namespace Nq45Consult.Web.Accounts;

/// <summary>How people sign in (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Local = "Local";
    public const string EntraId = "EntraId";
    public const string Both = "Both";

    /// <summary>
    /// <c>Local</c> (accounts in our database), <c>EntraId</c> (Microsoft Entra ID, section "AzureAd") or <c>Both</c> (local
    /// accounts for experts and Entra ID for the agencies' staff on one site; an Entra ID identity links to a local account
    /// only through the account's confirmed e-mail).
    /// </summary>
    public string Mode { get; set; } = Local;

    /// <summary>Lifetime of a bearer token issued by <c>POST /api/auth/login</c>.</summary>
    public int TokenMinutes { get; set; } = 60;

    /// <summary>
    /// How long the pages' sign-in cookie lasts without use; each request in its second half renews it (sliding), so a
    /// person working on the site stays signed in and an abandoned browser is signed out after this long.
    /// </summary>
    public int CookieMinutes { get; set; } = 480;

    public LockoutOptions Lockout { get; set; } = new();

    public PasswordResetOptions PasswordReset { get; set; } = new();

    public EmailChangeOptions EmailChange { get; set; } = new();

    /// <summary>Entra ID only: no local accounts, passwords or sign-up.</summary>
    public bool IsEntraId => string.Equals(Mode, EntraId, StringComparison.OrdinalIgnoreCase);

    public bool IsBoth => string.Equals(Mode, Both, StringComparison.OrdinalIgnoreCase);

    /// <summary>Entra ID sign-in is on (alone or beside local accounts).</summary>
    public bool UsesEntraId => IsEntraId || IsBoth;
}

public sealed class LockoutOptions
{
    /// <summary>Failed attempts in a row that lock a local account.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int Minutes { get; set; } = 15;
}

public sealed class PasswordResetOptions
{
    /// <summary>How long the link of a "forgot password" e-mail works.</summary>
    public int LinkMinutes { get; set; } = 60;
}

public sealed class EmailChangeOptions
{
    /// <summary>How long the link sent to a new address (to confirm a change of e-mail address) works.</summary>
    public int LinkMinutes { get; set; } = 1440;
}

/// <summary>The Microsoft Entra ID settings the app needs itself; Identity.Web reads the rest of "AzureAd".</summary>
public sealed class EntraIdOptions
{
    public const string Section = "AzureAd";

    public string? Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
}

/// <summary>Fails start-up with the key at fault, so a wrong setting never reaches the first request.</summary>
public sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>, IValidateOptions<EntraIdOptions>
{
    /// <summary>Entra ID's names for "any tenant": the platform trusts one directory only.</summary>
    private static readonly HashSet<string> MultiTenant = new(["common", "organizations", "consumers"], StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesEntraId && !string.Equals(options.Mode, AuthOptions.Local, StringComparison.OrdinalIgnoreCase))
            failures.Add($"Auth:Mode must be '{AuthOptions.Local}', '{AuthOptions.EntraId}' or '{AuthOptions.Both}', not '{options.Mode}'.");
        if (options.TokenMinutes < 1) failures.Add("Auth:TokenMinutes must be at least 1.");
        if (options.CookieMinutes < 1) failures.Add("Auth:CookieMinutes must be at least 1.");
        if (options.Lockout.MaxFailures < 1) failures.Add("Auth:Lockout:MaxFailures must be at least 1.");
        if (options.Lockout.Minutes < 1) failures.Add("Auth:Lockout:Minutes must be at least 1.");
        if (options.PasswordReset.LinkMinutes is < 1 or > 10_080) failures.Add("Auth:PasswordReset:LinkMinutes must be between 1 and 10080 (a week).");
        if (options.EmailChange.LinkMinutes is < 1 or > 10_080) failures.Add("Auth:EmailChange:LinkMinutes must be between 1 and 10080 (a week).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, EntraIdOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Instance)) failures.Add("AzureAd:Instance is required when Auth:Mode is EntraId or Both.");
        if (string.IsNullOrWhiteSpace(options.TenantId)) failures.Add("AzureAd:TenantId is required when Auth:Mode is EntraId or Both.");
        else if (MultiTenant.Contains(options.TenantId.Trim()))
            failures.Add($"AzureAd:TenantId must be the id (or domain) of the one directory whose people sign in, not the multi-tenant '{options.TenantId.Trim()}': " +
                "tokens of every tenant would be accepted, with app roles that another directory's administrators assign.");
        if (string.IsNullOrWhiteSpace(options.ClientId)) failures.Add("AzureAd:ClientId is required when Auth:Mode is EntraId or Both.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
