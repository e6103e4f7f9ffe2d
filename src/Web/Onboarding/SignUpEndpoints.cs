using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Onboarding.Approving;
using Nq45Consult.Consultation.Onboarding.Declining;
using Nq45Consult.Consultation.Onboarding.SigningUp;
using Nq45Consult.Consultation.Onboarding.Verifying;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Onboarding;

public sealed record SignUpRequest(
    string? UserName, string? Email, string? Password, string? FullName, string? AcademicTitle, string? Degree,
    IReadOnlyList<string>? Fields, string? Organization, string? Association, bool? InProvince)
{
    public RequestSignUp ToCommand() => new(UserName, Email, Password, FullName, AcademicTitle, Degree, Fields, Organization, Association, InProvince);
}

public sealed record VerifyRequest(string? Token);

public sealed record DeclineRequest(string? Reason);

/// <summary>The verified address's account, waiting for a moderator.</summary>
public sealed record VerifiedView(string UserName, string Status);

public static class SignUpEndpoints
{
    public static IEndpointRouteBuilder MapSignUpEndpoints(this IEndpointRouteBuilder app)
    {
        // With Entra ID only, accounts come from the identity provider: nobody signs up here.
        if (!app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.IsEntraId)
        {
            app.MapPost("/api/auth/signup", SignUp).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.SignUp)
                .WithName("SignUp")
                .WithSummary("Asks for an account; 202 and an e-mail with a single-use verification link (for an address already in use, the same 202 and an e-mail to its owner).");
            app.MapPost("/api/auth/verify", Verify).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
                .WithName("VerifySignUp")
                .WithSummary("Verifies the sign-up's address with the e-mailed token (single use): the account exists, without a role, and waits for a moderator.");
        }
        app.MapGet("/api/signups", List).WithTags("Accounts").RequireAuthorization(Policies.Moderate)
            .WithName("SignUps").WithSummary("Sign-up requests by status (pending: verified, waiting for a moderator), waiting longest first, a page at a time.");
        app.MapPost("/api/signups/{userName}/approve", Approve).WithTags("Accounts").RequireAuthorization(Policies.Moderate)
            .WithName("ApproveSignUp").WithSummary("Approves a pending sign-up: the account gets the expert role and its profile; the person is e-mailed.");
        app.MapPost("/api/signups/{userName}/decline", Decline).WithTags("Accounts").RequireAuthorization(Policies.Moderate)
            .WithName("DeclineSignUp").WithSummary("Declines a pending sign-up; the reason is e-mailed to the person, whose account stays without a role.");
        return app;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SignUp(SignUpRequest request, RequestSignUpHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(request.ToCommand() with { Language = RequestLanguage.Current }, cancellation);
        return decision.Accepted ? TypedResults.Accepted((string?)null) : DecisionProblems.From(decision);
    }

    private static async Task<Results<Ok<VerifiedView>, ProblemHttpResult>> Verify(VerifyRequest request, VerifySignUpHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new VerifySignUp(request.Token), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        var account = decision.Events.OfType<AccountRegistered>().Single();
        return TypedResults.Ok(new VerifiedView(account.UserName, KebabCase.Name(SignUpStatus.Pending)));
    }

    private static async Task<Results<Ok<IReadOnlyList<SignUpView>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, SignUpQueries queries, IOptions<OnboardingOptions> options, CancellationToken cancellation, string? status = null, int page = 1)
    {
        if (!KebabCase.TryParse(status ?? "pending", out SignUpStatus parsed))
            return DecisionProblems.From(Decision.Invalid("status", ApiText.Of("ApiSignUpStatusUnknown", status ?? "", KebabCase.Names<SignUpStatus>())));
        var found = await queries.List(CallerClaims.From(user), parsed, page, options.Value.PageSize, cancellation);
        return TypedResults.Ok(found!.SignUps);
    }

    private static async Task<Results<Ok<SignUpView>, ProblemHttpResult>> Approve(
        string userName, ClaimsPrincipal user, ApproveSignUpHandler handler, CancellationToken cancellation) =>
        Answer(await handler.Handle(new ApproveSignUp(userName, CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Ok<SignUpView>, ProblemHttpResult>> Decline(
        string userName, DeclineRequest request, ClaimsPrincipal user, DeclineSignUpHandler handler, CancellationToken cancellation) =>
        Answer(await handler.Handle(new DeclineSignUp(userName, request.Reason, CallerClaims.From(user)!), cancellation));

    private static Results<Ok<SignUpView>, ProblemHttpResult> Answer(SignUpOutcome outcome) =>
        outcome.Decision.Accepted ? TypedResults.Ok(outcome.SignUp!) : DecisionProblems.From(outcome.Decision);
}
