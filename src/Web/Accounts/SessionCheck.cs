using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Caching;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// Runs on every authenticated request (cookie, bearer token, hub connection) and compares the session with the
/// account as it is now. Local mode: a deactivated account, or a stamp that changed since the session was issued
/// (deactivation, password reset), turns the caller anonymous, so the next request answers 401 or goes to the
/// sign-in page; roles and agency are read from the account, so a change applies at once. The account comes from the
/// node's <see cref="AccountCache"/>, which every such change empties of that account. Entra ID mode: the account is
/// created or its roles updated from the token (audited), and a deactivated account is refused the same way.
/// </summary>
public sealed class SessionCheck(IDocumentStore store, AccountCache accounts, EntraIdSignInHandler entraIdSignIn, IOptions<AuthOptions> auth) : IClaimsTransformation
{
    /// <summary>
    /// The id of the account the session was checked against; also marks the principal as checked, since
    /// authentication may run more than once per request (the policy scheme forwards to the real one).
    /// </summary>
    public const string AccountClaim = "nq45:account";

    private static readonly ClaimsPrincipal Refused = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == AccountClaim)) return principal;
        var account = auth.Value.IsEntraId || (auth.Value.IsBoth && IsEntraIdSession(principal))
            ? await EntraIdAccount(principal)
            : await LocalAccount(principal);
        return account is { IsActive: true } ? WithRolesOf(account, principal) : Refused;
    }

    private async Task<Account?> LocalAccount(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return null;
        var account = await accounts.Find(store, id);
        return account?.SecurityStamp == StampOf(principal) ? account : null;
    }

    /// <summary>Signed in through Entra ID (its token, or the cookie its sign-in wrote): the principal names a tenant.</summary>
    public static bool IsEntraIdSession(ClaimsPrincipal principal) => !string.IsNullOrWhiteSpace(principal.GetTenantId());

    private static int StampOf(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirst(CallerClaims.SecurityStampClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp) ? stamp : 0;

    /// <summary>The account a checked principal stands for; null for anonymous callers.</summary>
    public static Guid? AccountOf(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirst(AccountClaim)?.Value, out var id) ? id : null;

    /// <summary>
    /// True while the account is still as it was when <paramref name="principal"/> was checked: active, same security
    /// stamp, same roles. A long-lived connection checked once at its start uses this to notice it has gone stale.
    /// </summary>
    public static bool StillMatches(Account? account, ClaimsPrincipal principal) =>
        account is { IsActive: true } && account.SecurityStamp == StampOf(principal)
        && CallerClaims.From(principal) is { } user && user.Roles.ToHashSet().SetEquals(account.Roles) && user.AgencyId == account.AgencyId;

    /// <summary>The person is recognised by tenant and object id (short or mapped claim names); a token without them is refused.</summary>
    private async Task<Account?> EntraIdAccount(ClaimsPrincipal principal)
    {
        var (tenant, objectId) = (principal.GetTenantId(), principal.GetObjectId());
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(objectId)) return null;
        if (CallerClaims.From(principal) is not { UserName.Length: > 0 } user) return null;
        var email = principal.FindFirst("email")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value;
        var identity = new EntraIdIdentity(tenant, objectId, user.UserName, user.DisplayName, email, [.. user.Roles]);
        return await entraIdSignIn.Handle(new EntraIdSignIn(identity, LinkLocalAccounts: auth.Value.IsBoth), CancellationToken.None);
    }

    /// <summary>The principal with the account's user name, roles and agency in place of those it was issued with.</summary>
    private static ClaimsPrincipal WithRolesOf(Account account, ClaimsPrincipal principal)
    {
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(
            source.Claims.Where(c => !CallerClaims.RoleClaims.Contains(c.Type)
                && c.Type is not (CallerClaims.UserNameClaim or CallerClaims.AgencyClaim or AccountClaim or PasswordChangeRequirement.Claim)),
            source.AuthenticationType, source.NameClaimType, ClaimTypes.Role);
        identity.AddClaims(account.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        identity.AddClaim(new Claim(CallerClaims.UserNameClaim, account.UserName));
        identity.AddClaim(new Claim(AccountClaim, account.Id.ToString()));
        if (account.AgencyId is { } agency) identity.AddClaim(new Claim(CallerClaims.AgencyClaim, agency.ToString()));
        if (account.MustChangePassword) identity.AddClaim(new Claim(PasswordChangeRequirement.Claim, "true"));
        // Entra ID tokens carry no stamp: record the one checked against, so StillMatches works in both modes.
        if (!identity.HasClaim(c => c.Type == CallerClaims.SecurityStampClaim))
            identity.AddClaim(new Claim(CallerClaims.SecurityStampClaim, account.SecurityStamp.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// A session <see cref="SessionCheck"/> refused still counts as authenticated for the authorization middleware (the
/// handler did validate the cookie or token), which would answer 403; the caller is anonymous, so challenge: 401 for
/// the API and hubs, the sign-in page for pages.
/// </summary>
public sealed class ChallengeRefusedSessions : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true
            ? _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge())
            : _default.HandleAsync(next, context, policy, authorizeResult);
}
