using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// A person whose password was set by an admin ("must change") does nothing else until they replace it: every API
/// and hub call answers 403 ProblemDetails saying so, every page redirects to <c>/account/password</c>. Only changing
/// the password, signing out and switching the language stay open; <see cref="SessionCheck"/> marks such sessions
/// from the account as it is now, so the change applies to open sessions at their next request.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string Claim = "nq45:must-change-password";

    public const string PagePath = "/account/password";

    /// <summary>After authentication, before any endpoint runs.</summary>
    public static WebApplication UsePasswordChangeRequirement(this WebApplication app)
    {
        app.Use(Enforce);
        return app;
    }

    private static async Task Enforce(HttpContext http, RequestDelegate next)
    {
        if (!http.User.HasClaim(c => c.Type == Claim) || StaysOpen(http.Request))
        {
            await next(http);
            return;
        }
        if (AuthSchemes.IsApi(http))
        {
            var texts = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: texts["PasswordChangeRequiredTitle"], detail: texts["PasswordChangeRequiredDetail"]).ExecuteAsync(http);
            return;
        }
        http.Response.Redirect($"{PagePath}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
    }

    private static bool StaysOpen(HttpRequest request) =>
        request.Path.StartsWithSegments(PagePath, StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/account/logout", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase)
        || (HttpMethods.IsPut(request.Method) && request.Path.Equals("/api/me/password", StringComparison.OrdinalIgnoreCase));
}
