using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Accounts.Agencies;

namespace Nq45Consult.Web.Accounts;

/// <summary>
/// The agencies under <c>/api/agencies</c>: any signed-in person reads the list (names of public bodies, offered when a
/// consultation names its drafter); admins add, rename and retire them. Translation only.
/// </summary>
public static class AgenciesEndpoints
{
    public static IEndpointRouteBuilder MapAgencies(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/agencies").WithTags("Users");
        agencies.MapGet("/", List).RequireAuthorization().WithName("ListAgencies").WithSummary("The agencies, retired ones flagged.");
        agencies.MapPost("/", Create).RequireAuthorization(Policies.Administer).WithName("CreateAgency")
            .WithSummary("Adds an agency; 201 with its id. Names are unique whatever their case or diacritics.");
        agencies.MapPut("/{id:guid}", Rename).RequireAuthorization(Policies.Administer).WithName("RenameAgency").WithSummary("Renames an agency.");
        agencies.MapPost("/{id:guid}/retire", Retire).RequireAuthorization(Policies.Administer).WithName("RetireAgency")
            .WithSummary("No longer offered for new consultations or members; what names it keeps it. Never deleted.");
        return app;
    }

    private static string Actor(ClaimsPrincipal user) => CallerClaims.From(user)!.UserName;

    private static async Task<Ok<List<AgencyView>>> List(AgencyQueries agencies, CancellationToken cancellation) =>
        TypedResults.Ok((await agencies.All(cancellation)).Select(AgencyView.Of).ToList());

    private static async Task<Results<Created<AgencyView>, ProblemHttpResult>> Create(
        AgencyRequest request, ClaimsPrincipal user, CreateAgencyHandler create, CancellationToken cancellation)
    {
        var (decision, agency) = await create.Handle(new CreateAgency(request.Name, Actor(user)), cancellation);
        return agency is null ? DecisionProblems.From(decision!) : TypedResults.Created($"/api/agencies/{agency.Id}", AgencyView.Of(agency));
    }

    private static async Task<Results<Ok<AgencyView>, NotFound, ProblemHttpResult>> Rename(
        Guid id, AgencyRequest request, ClaimsPrincipal user, RenameAgencyHandler rename, CancellationToken cancellation) =>
        Answer(await rename.Handle(new RenameAgency(id, request.Name, Actor(user)), cancellation));

    private static async Task<Results<Ok<AgencyView>, NotFound, ProblemHttpResult>> Retire(
        Guid id, ClaimsPrincipal user, RetireAgencyHandler retire, CancellationToken cancellation) =>
        Answer(await retire.Handle(new RetireAgency(id, Actor(user)), cancellation));

    private static Results<Ok<AgencyView>, NotFound, ProblemHttpResult> Answer(ListEntryOutcome<Agency> outcome)
    {
        var (decision, agency) = outcome;
        if (decision is null) return TypedResults.NotFound();
        return agency is null ? DecisionProblems.From(decision) : TypedResults.Ok(AgencyView.Of(agency));
    }
}

public sealed record AgencyRequest(string? Name);

/// <summary>Body of <c>POST /api/users/{userName}/agency</c>: null makes the person a member of no agency.</summary>
public sealed record AgencyMembershipRequest(Guid? AgencyId);

public sealed record AgencyView(Guid Id, string Name, bool Retired)
{
    public static AgencyView Of(Agency a) => new(a.Id, a.Name, a.Retired);
}
