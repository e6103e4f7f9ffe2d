using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.Querying;

namespace Nq45Consult.Web.Accounts;

/// <summary>User administration under <c>/api/users</c> (admins): translation only, the rules are in the domain.</summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var local = !app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.IsEntraId;
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("Accounts, filtered by text (user name, name, e-mail), role and active state.");
        users.MapGet("/{userName}", Get).WithName("GetUser").WithSummary("One account.");
        users.MapGet("/{userName}/history", History).WithName("UserHistory").WithSummary("The account's audit history: every change with actor and time.");
        users.MapPost("/{userName}/deactivate", Deactivate).WithName("DeactivateUser")
            .WithSummary("Refuses sign-in and ends open sessions; history kept. 409 for the last active admin.");
        users.MapPost("/{userName}/reactivate", Reactivate).WithName("ReactivateUser").WithSummary("Lets a deactivated account sign in again.");
        users.MapPost("/{userName}/agency", AssignAgency).WithName("AssignUserAgency")
            .WithSummary("Makes an official a member of an agency (agencyId null: of none); audited. 409 for an account without the official role.");
        // In Entra ID mode people, passwords and roles come from the identity provider; admins may still deactivate.
        if (local)
        {
            users.MapPost("/", Create).WithName("CreateUser")
                .WithSummary("Creates a local account; without a password a temporary one is generated and returned once.");
            users.MapPut("/{userName}/roles", ChangeRoles).WithName("ChangeUserRoles")
                .WithSummary("Sets the account's roles (audited). 409 when it would leave no active admin.");
            users.MapPost("/{userName}/password-reset", ResetPassword).WithName("ResetUserPassword")
                .WithSummary("Sets a typed password, or generates a temporary one returned once; open sessions end.");
        }
        return app;
    }

    private static string Actor(ClaimsPrincipal user) => CallerClaims.From(user)!.UserName;

    private static async Task<Results<Ok<List<UserView>>, ProblemHttpResult>> List(
        string? q, string? role, string? active, AccountQueries users, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        Role? wanted = null;
        if (!string.IsNullOrWhiteSpace(role))
        {
            var (roles, problem) = RoleNames.Parse([role]);
            if (problem is not null) errors["role"] = [problem];
            else wanted = roles![0];
        }
        bool? activeOnly = null;
        if (!string.IsNullOrWhiteSpace(active))
        {
            if (bool.TryParse(active, out var value)) activeOnly = value;
            else errors["active"] = [ApiText.Of("ApiTrueOrFalse")];
        }
        if (errors.Count > 0) return DecisionProblems.From(Decision.Invalid(errors));
        var found = await users.List(new AccountFilter(q, wanted, activeOnly), cancellation);
        return TypedResults.Ok(found.Select(UserView.Of).ToList());
    }

    private static async Task<Results<Ok<UserView>, NotFound>> Get(string userName, AccountQueries users, CancellationToken cancellation) =>
        await users.Find(userName, cancellation) is { } account ? TypedResults.Ok(UserView.Of(account)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<HistoryEntryView>>, NotFound>> History(string userName, AccountQueries users, CancellationToken cancellation) =>
        await users.History(userName, cancellation) is { } history ? TypedResults.Ok(history.Select(HistoryEntryView.Of).ToList()) : TypedResults.NotFound();

    private static async Task<Results<Created<UserWithPassword>, ProblemHttpResult>> Create(
        CreateUserRequest request, ClaimsPrincipal user, CreateAccountHandler create, CancellationToken cancellation)
    {
        var outcome = await create.Handle(new CreateAccount(request.ToInput(), Actor(user)), cancellation);
        return outcome is { Decision.Accepted: true, Account: { } account }
            ? TypedResults.Created($"/api/users/{Uri.EscapeDataString(account.UserName)}", new UserWithPassword(UserView.Of(account), outcome.TemporaryPassword))
            : DecisionProblems.From(outcome.Decision!);
    }

    private static Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> ChangeRoles(
        string userName, RolesRequest request, ClaimsPrincipal user, ChangeRolesHandler changeRoles, CancellationToken cancellation) =>
        Answer(changeRoles.Handle(new Consultation.Accounts.Administering.ChangeRoles(userName, request.Roles, Actor(user)), cancellation));

    private static Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> Deactivate(
        string userName, DeactivateRequest? request, ClaimsPrincipal user, DeactivateAccountHandler deactivate, CancellationToken cancellation) =>
        Answer(deactivate.Handle(new DeactivateAccount(userName, request?.Reason, Actor(user)), cancellation));

    private static Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> Reactivate(
        string userName, ClaimsPrincipal user, ReactivateAccountHandler reactivate, CancellationToken cancellation) =>
        Answer(reactivate.Handle(new ReactivateAccount(userName, Actor(user)), cancellation));

    private static Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> AssignAgency(
        string userName, AgencyMembershipRequest request, ClaimsPrincipal user, AssignAgencyHandler assign, CancellationToken cancellation) =>
        Answer(assign.Handle(new Consultation.Accounts.Administering.AssignAgency(userName, request.AgencyId, Actor(user)), cancellation));

    private static Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> ResetPassword(
        string userName, PasswordResetRequest? request, ClaimsPrincipal user, ResetPasswordHandler reset, CancellationToken cancellation) =>
        Answer(reset.Handle(new Consultation.Accounts.Administering.ResetPassword(userName, request?.Password, request?.MustChange, Actor(user)), cancellation));

    private static async Task<Results<Ok<UserWithPassword>, NotFound, ProblemHttpResult>> Answer(Task<AccountOutcome> command)
    {
        var outcome = await command;
        if (outcome.Decision is null) return TypedResults.NotFound();
        if (outcome.ActorRefused)
            return TypedResults.Problem(title: ApiText.Of("ApiForbidden"), detail: outcome.Decision.Reason, statusCode: StatusCodes.Status403Forbidden);
        return outcome is { Decision.Accepted: true, Account: { } account }
            ? TypedResults.Ok(new UserWithPassword(UserView.Of(account), outcome.TemporaryPassword))
            : DecisionProblems.From(outcome.Decision);
    }
}
