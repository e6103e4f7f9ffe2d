using System.Security.Claims;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Feedback;

/// <summary>The caller of a route or page that requires sign-in: an anonymous one there is a wiring mistake, not a request to refuse.</summary>
public static class SignedInCaller
{
    public static Caller Of(ClaimsPrincipal principal) =>
        CallerClaims.From(principal) ?? throw new InvalidOperationException("An anonymous caller cannot act here; the route must require sign-in.");
}
