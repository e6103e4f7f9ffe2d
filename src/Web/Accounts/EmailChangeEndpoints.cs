using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Accounts.ChangingEmail;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Accounts;

public sealed record EmailChangeRequest(string? Email, string? Password);

public sealed record EmailChangeConfirmation(string? Token);

/// <summary>A change of the account's e-mail address, confirmed by the link sent to the new address (local accounts).</summary>
public static class EmailChangeEndpoints
{
    public static IEndpointRouteBuilder MapEmailChange(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/email").WithTags("Accounts");
        api.MapPost("", Ask)
            .WithName("RequestEmailChange")
            .WithSummary("The caller asks to use another e-mail address, giving their password: 202 and a single-use link to the new address, a notice to the current one; the account keeps its address until the link is followed.")
            .RequireRateLimiting(RateLimits.SignIn)
            .RequireAuthorization();
        api.MapPost("/confirm", Confirm)
            .WithName("ConfirmEmailChange")
            .WithSummary("Makes the address the e-mailed token was sent to the account's (single use); a used, expired or unknown token is 400, an address another account holds by now 409.")
            .RequireRateLimiting(RateLimits.SignIn)
            .AllowAnonymous();
        return app;
    }

    /// <summary>The request of the signed-in caller, as the profile page's form sends it too; null when the caller has no account.</summary>
    public static async Task<Decision?> RequestFor(ClaimsPrincipal user, RequestEmailChangeHandler handler, string? email, string? password, CancellationToken cancellation) =>
        SessionCheck.AccountOf(user) is { } id
            ? await handler.Handle(new RequestEmailChange(id, email, password, RequestLanguage.Current), cancellation)
            : null;

    private static async Task<Results<Accepted, ProblemHttpResult, NotFound>> Ask(
        EmailChangeRequest request, ClaimsPrincipal user, RequestEmailChangeHandler handler, CancellationToken cancellation) =>
        await RequestFor(user, handler, request.Email, request.Password, cancellation) switch
        {
            null => TypedResults.NotFound(),
            { Accepted: true } => TypedResults.Accepted((string?)null),
            Decision refused => DecisionProblems.From(refused),
        };

    private static async Task<Results<Ok, ProblemHttpResult>> Confirm(
        EmailChangeConfirmation request, ConfirmEmailChangeHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new ConfirmEmailChange(request.Token), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }
}
