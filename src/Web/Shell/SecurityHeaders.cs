using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// The headers every answer carries, in every environment: a Content-Security-Policy that runs only the app's
/// own script files (no inline script or event handler, no eval, no style attribute), refuses framing, and
/// lets SignalR connect back to the app only; no MIME sniffing; no address leaves the site in a Referer.
/// </summary>
public sealed class SecurityHeaders(string contentSecurityPolicy)
{
    /// <summary>Where Scalar, Development's API reference, leaves the nonce it puts on its own inline start-up script.</summary>
    private const string ScalarNonce = Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey;

    /// <summary>
    /// 'self' in connect-src also allows ws: and wss: to the same host (CSP level 3), which SignalR's
    /// WebSockets need. Forms may only post to the app itself, and in Entra ID mode to the sign-in authority,
    /// which the sign-out form is redirected to.
    /// </summary>
    public static SecurityHeaders For(IConfiguration configuration)
    {
        var formAction = "'self'";
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var instance = configuration.GetSection(EntraIdOptions.Section).Get<EntraIdOptions>()?.Instance;
        if (auth.UsesEntraId && Uri.TryCreate(instance, UriKind.Absolute, out var authority))
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        return new(string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            $"form-action {formAction}",
            "frame-ancestors 'none'"));
    }

    public string ContentSecurityPolicy => contentSecurityPolicy;

    /// <summary>Set when the answer starts, so error pages written after a failure carry them too.</summary>
    public Task Add(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An answer that set its own, stricter policy keeps it (a downloaded attachment: nothing may run).
            if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = context.Items[ScalarNonce] is string nonce
                // Scalar styles itself with style attributes; that page only exists in Development.
                    ? contentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'")
                        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
                    : contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    }
}
