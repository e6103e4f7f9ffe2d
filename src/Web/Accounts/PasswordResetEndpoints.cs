using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Accounts;

public sealed record ForgotPasswordRequest(string? Email);

public sealed record CompletePasswordResetRequest(string? Token, string? Password);

/// <summary>"Forgot password" without an account session: the e-mailed token is the proof (local accounts only).</summary>
public static class PasswordResetEndpoints
{
    public static IEndpointRouteBuilder MapPasswordReset(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous();
        api.MapPost("/password-reset", Request)
            .WithName("RequestPasswordReset")
            .WithSummary("E-mails a single-use link to choose a new password to every active local account with this address; 202 whether or not there is one.")
            .RequireRateLimiting(RateLimits.PasswordReset);
        api.MapPost("/password-reset/complete", Complete)
            .WithName("CompletePasswordReset")
            .WithSummary("Sets the new password of the e-mailed token's account (single use) and ends every session of it; a used, expired or unknown token is 400.")
            .RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Request(
        ForgotPasswordRequest request, HttpContext http, RequestPasswordResetHandler handler, PasswordResetLimits limits, CancellationToken cancellation)
    {
        if (RequestPasswordReset.IsValidAddress(request.Email) && limits.Refusal(request.Email!) is { } retryAfter) return RateLimits.Problem(http, retryAfter);
        var decision = await handler.Handle(new RequestPasswordReset(request.Email, RequestLanguage.Current), cancellation);
        return decision.Accepted ? TypedResults.Accepted((string?)null) : DecisionProblems.From(decision);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> Complete(
        CompletePasswordResetRequest request, CompletePasswordResetHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new CompletePasswordReset(request.Token, request.Password), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }
}
