using System.Security.Claims;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Consultations;

/// <summary>Who manages consultations: the <see cref="Policies.Moderate"/> permission.</summary>
public static class ConsultationsAccess
{
    public static bool CanManage(ClaimsPrincipal user) =>
        CallerClaims.From(user)?.HasAny(Policies.AllowedRoles[Policies.Moderate]) == true;

    public static string Actor(ClaimsPrincipal user) => CallerClaims.From(user)?.UserName ?? "unknown";

    public static TBuilder RequireManager<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Moderate);
}
