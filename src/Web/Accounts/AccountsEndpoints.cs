using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.SigningIn;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Accounts;

public sealed record LoginRequest(string? UserName, string? Password)
{
    /// <summary>Errors keyed by the JSON field at fault; empty when the request may proceed.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(UserName)) errors["userName"] = ["The user name is required."];
        if (string.IsNullOrEmpty(Password)) errors["password"] = ["The password is required."];
        return errors;
    }
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles);

public static class AccountsEndpoints
{
    /// <summary>The one answer to every failed sign-in: it must not tell a wrong password from an unknown or locked user.</summary>
    public const string SignInFailedTitle = "Sign-in failed";
    public const string SignInFailedDetail = "The user name or password is wrong, or the account is locked for a while.";

    public static WebApplication MapAccounts(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Accounts");
        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.IsEntraId)
        {
            api.MapPost("/auth/login", Login)
                .WithName("Login")
                .WithSummary("Signs in with a local account and returns a bearer token.")
                .Produces<AccessTokenResponse>()
                .AllowAnonymous()
                .RequireRateLimiting(RateLimits.SignIn);
            api.MapPut("/me/password", ChangePassword)
                .WithName("ChangeMyPassword")
                .WithSummary("The caller replaces their password, giving the current one (a temporary one from an admin included); their other sessions end. A bearer caller gets a new token (200), a cookie caller a new cookie (204).")
                .Produces<AccessTokenResponse>()
                .RequireRateLimiting(RateLimits.SignIn)
                .RequireAuthorization();
            app.MapPasswordReset();
            app.MapEmailChange();
        }
        api.MapGet("/me", Me)
            .WithName("Me")
            .WithSummary("Who the caller is and which roles they hold.")
            .RequireAuthorization();
        app.MapUsers();
        app.MapAgencies();
        app.MapLanguage();
        return app;
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInHandler signIn, SignInLimits limits, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (limits.Refusal(request.UserName!) is { } retryAfter) return RateLimits.Problem(http, retryAfter);

        var result = await signIn.Handle(new SignIn(request.UserName!, request.Password!), cancellationToken);
        if (result.Account is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: SignInFailedTitle, detail: SignInFailedDetail);

        return TypedResults.SignIn(CallerClaims.PrincipalOf(result.Account, AuthSchemes.LocalBearer), authenticationScheme: AuthSchemes.LocalBearer);
    }

    private static async Task<IResult> ChangePassword(
        ChangePasswordRequest request, HttpContext http, ChangeOwnPasswordHandler changePassword, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return TypedResults.NotFound();
        var outcome = await changePassword.Handle(new ChangeOwnPassword(id, request.CurrentPassword, request.NewPassword), cancellationToken);
        if (outcome is null) return TypedResults.NotFound();
        if (!outcome.Decision.Accepted) return DecisionProblems.From(outcome.Decision);
        // The new stamp ends every other session; this one goes on with a cookie or token carrying it.
        if (AuthSchemes.CarriesToken(http))
            return TypedResults.SignIn(CallerClaims.PrincipalOf(outcome.Account, AuthSchemes.LocalBearer), authenticationScheme: AuthSchemes.LocalBearer);
        await http.SignInAsync(AuthSchemes.Cookie, CallerClaims.PrincipalOf(outcome.Account, AuthSchemes.Cookie));
        return TypedResults.NoContent();
    }

    private static Results<Ok<MeResponse>, UnauthorizedHttpResult> Me(HttpContext context) =>
        CallerClaims.From(context.User) is { } user
            ? TypedResults.Ok(new MeResponse(user.UserName, user.DisplayName, user.Roles.Select(r => r.ToString()).ToArray()))
            : TypedResults.Unauthorized();
}
