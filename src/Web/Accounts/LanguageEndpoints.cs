using System.Security.Claims;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Accounts;

public sealed record LanguageRequest(string? Language);

/// <summary>The person's language: what their notifications and e-mails are written in, and the site's language for them.</summary>
public static class LanguageEndpoints
{
    public static WebApplication MapLanguage(this WebApplication app)
    {
        app.MapPut("/api/me/language", Put)
            .WithTags("Accounts")
            .WithName("ChooseMyLanguage")
            .WithSummary("The caller chooses the language (vi or en) of their notifications and e-mails, and of the site for them.")
            .RequireAuthorization();
        return app;
    }

    /// <summary>Records the choice and, when accepted, sets the culture cookie so the pages follow it too.</summary>
    public static async Task<Decision?> Choose(HttpContext http, ChooseLanguageHandler handler, string? language, CancellationToken cancellation)
    {
        if (!Guid.TryParse(http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return null;
        var decision = await handler.Handle(new ChooseLanguage(id, language), cancellation);
        if (decision is { Accepted: true }) CultureCookie.Remember(http.Response, language!.Trim());
        return decision;
    }

    private static async Task<IResult> Put(LanguageRequest request, HttpContext http, ChooseLanguageHandler handler, CancellationToken cancellation) =>
        await Choose(http, handler, request.Language, cancellation) is { } decision
            ? decision.Accepted ? TypedResults.NoContent() : DecisionProblems.From(decision)
            : TypedResults.NotFound();
}
