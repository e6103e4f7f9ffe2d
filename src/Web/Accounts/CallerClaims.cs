using System.Security.Claims;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// The <see cref="Caller"/> read the same way from a local cookie, a local bearer token or an Entra ID token
/// (whose claims may arrive mapped to the long WS-* names or as the short JWT ones).
/// </summary>
public static class CallerClaims
{
    /// <summary>The display name; also Entra ID's name claim, which Identity.Web is told to use as the name.</summary>
    public const string DisplayNameClaim = "name";

    /// <summary>
    /// The user name of the account the session was checked against (<see cref="SessionCheck"/>): in Entra ID mode it
    /// stays the one the account was registered with when the directory renames the person.
    /// </summary>
    public const string UserNameClaim = "nq45:user";

    /// <summary>The account's security stamp when the cookie or token was issued; see <see cref="SessionCheck"/>.</summary>
    public const string SecurityStampClaim = "nq45:stamp";

    /// <summary>The agency of the account, added by <see cref="SessionCheck"/> from the account as it is now.</summary>
    public const string AgencyClaim = "nq45:agency";

    private static readonly string[] UserNameClaims = [UserNameClaim, "preferred_username", ClaimTypes.Name, ClaimTypes.Upn, DisplayNameClaim, "sub", ClaimTypes.NameIdentifier];
    public static readonly string[] RoleClaims = [ClaimTypes.Role, "roles", "role"];

    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var userName = First(principal, UserNameClaims) ?? "";
        var displayName = principal.FindFirst(DisplayNameClaim)?.Value ?? userName;
        var roles = principal.Claims
            .Where(c => RoleClaims.Contains(c.Type))
            .Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var role) ? role : (Role?)null)
            .OfType<Role>();
        return Caller.Of(userName, displayName, roles) with { AgencyId = AgencyOf(principal) };
    }

    /// <summary>The claims of a local account, for the cookie and the bearer token alike.</summary>
    public static ClaimsPrincipal PrincipalOf(Account account, string authenticationScheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayNameClaim, account.DisplayName),
            new(SecurityStampClaim, account.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static Guid? AgencyOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(AgencyClaim)?.Value, out var id) ? id : null;

    private static string? First(ClaimsPrincipal principal, IEnumerable<string> types) =>
        types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
