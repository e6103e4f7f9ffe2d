using System.Security.Claims;

namespace Nq45Consult.Web.Drafts;

/// <summary>Who manages consultations; role names are those of <c>Nq45Consult.Consultation.Accounts.Role</c>.</summary>
public static class DraftsAccess
{
    public static readonly string[] ManagerRoles = ["Moderator", "Admin"];

    public static bool CanManage(ClaimsPrincipal user) => ManagerRoles.Any(user.IsInRole);

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static TBuilder RequireManager<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(ManagerRoles));
}
