using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Reporting;
using Nq45Consult.Consultation.OpinionMap.Statements;
using Nq45Consult.Consultation.OpinionMap.TurningOn;
using Nq45Consult.Consultation.OpinionMap.Voting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.OpinionMap;

/// <summary>The opinion-map routes: api-v1.md's three and those docs/opinion-map.md adds.</summary>
public static class OpinionMapEndpoints
{
    /// <summary>Room for a 280-character statement or a moderation reason of 2,000, in any encoding.</summary>
    private const long MaxRequestBytes = 64 * 1024;


    public static WebApplication MapOpinionMap(this WebApplication app)
    {
        var limits = new object[] { new RequestSizeLimitAttribute(MaxRequestBytes), new BodyLimit(MaxRequestBytes) };
        var consultation = app.MapGroup("/api/consultations/{id:guid}").WithTags("Opinion map").WithMetadata(limits);
        consultation.MapPost("/opinion-map", TurnOn).RequireAuthorization(Policies.Moderate)
            .WithName("TurnOnOpinionMap").WithSummary("Turns the opinion map on, for the consultation or one chapter (sectionAnchor).");
        consultation.MapGet("/opinion-map", Map)
            .WithName("GetOpinionMap").WithSummary("Groups, representative, consensus and divisive statements, anonymous dots; never a participant's identity.");
        consultation.MapGet("/opinion-map.csv", Csv).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("OpinionMapCsv").WithSummary("The map's data for officials: each group's counts on each statement, with representative, consensus and divisive marks.");
        consultation.MapGet("/opinion-map/profiles", Profiles).RequireAuthorization(Policies.Moderate)
            .WithName("OpinionMapGroupProfiles").WithSummary("Each group's members counted by field and degree; never who they are.");
        consultation.MapPost("/opinion-map/recompute", Recompute).RequireAuthorization(Policies.Moderate)
            .WithName("RecomputeOpinionMap").WithSummary("Recomputes the map from the votes as they are now.");
        consultation.MapGet("/statements", Statements)
            .WithName("ListStatements").WithSummary("Shown statements with their counts; moderators also see pending and hidden ones.");
        consultation.MapPost("/statements", Add).RequireAuthorization(ExpertsAndModerators)
            .WithName("AddStatement").WithSummary("A moderator seeds a statement; an expert proposes one that waits for approval.");
        consultation.MapGet("/statements/next", Next).RequireAuthorization(Policies.GiveFeedback)
            .WithName("NextStatement").WithSummary("The next statement for the expert to vote on; 204 when none is left.");

        var statements = app.MapGroup("/api/statements/{id:guid}").WithTags("Opinion map").WithMetadata(limits);
        statements.MapPost("/vote", Vote).RequireAuthorization(Policies.GiveFeedback)
            .WithName("VoteOnStatement").WithSummary("Agree, disagree or pass; voting again changes the vote.");
        statements.MapPost("/approve", Approve).RequireAuthorization(Policies.Moderate)
            .WithName("ApproveStatement").WithSummary("Shows an expert's proposed statement.");
        statements.MapPost("/moderation", Moderate).RequireAuthorization(Policies.Moderate)
            .WithName("ModerateStatement").WithSummary("Hides or restores a statement with a reason.");

        app.MapPost("/api/feedback/{id:guid}/statement", Draw).RequireAuthorization(Policies.Moderate).WithTags("Opinion map").WithMetadata(limits)
            .WithName("DrawStatementFromFeedback").WithSummary("A statement from a feedback item's proposed wording (or the text given), linked to it.");
        return app;
    }

    private static void ExpertsAndModerators(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => CallerClaims.From(context.User)?.HasAny([.. Policies.AllowedRoles[Policies.GiveFeedback], .. Policies.AllowedRoles[Policies.Moderate]]) == true);

    private static Caller CallerOf(HttpContext http) =>
        CallerClaims.From(http.User) ?? throw new InvalidOperationException("The route requires sign-in.");

    private static async Task<IResult> TurnOn(Guid id, TurnOnRequest request, HttpContext http, TurnOnOpinionMapHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new TurnOnOpinionMap(id, request.SectionAnchor, CallerOf(http)), cancellation);
        return decision.Accepted ? TypedResults.Ok(new OpinionMapScopeView(id, string.IsNullOrWhiteSpace(request.SectionAnchor) ? null : request.SectionAnchor.Trim())) : DecisionProblems.From(decision);
    }

    private static async Task<IResult> Map(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation) =>
        await queries.Map(id, CallerClaims.From(http.User), cancellation) is { } reading ? TypedResults.Ok(OpinionMapView.Of(reading)) : NotFound();

    private static async Task<IResult> Csv(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation)
    {
        if (await queries.Export(id, CallerClaims.From(http.User), cancellation) is not { } export) return NotFound();
        var buffer = new MemoryStream();
        await OpinionMapCsv.Write(buffer, export, cancellation);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"ban-do-y-kien-{id:N}.csv");
    }

    private static async Task<IResult> Profiles(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation) =>
        await queries.GroupProfiles(id, CallerOf(http), cancellation) is { } profiles ? TypedResults.Ok(profiles) : NotFound();

    private static async Task<IResult> Recompute(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation) =>
        await queries.Recomputed(id, CallerOf(http), cancellation) is { } reading ? TypedResults.Ok(OpinionMapView.Of(reading)) : NotFound();

    private static async Task<IResult> Statements(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(http.User);
        return await queries.Statements(id, caller, cancellation) is { } statements
            ? TypedResults.Ok(statements.Select(s => StatementView.Of(s, caller?.IsModerator == true)).ToList())
            : NotFound();
    }

    private static async Task<IResult> Add(Guid id, StatementRequest request, HttpContext http, AddStatementHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new AddStatement(id, request.Text, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted ? TypedResults.Created($"/api/statements/{outcome.Id}", new StatementCreated(outcome.Id)) : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> Next(Guid id, HttpContext http, OpinionMapQueries queries, CancellationToken cancellation)
    {
        var caller = CallerOf(http);
        var (consultation, _) = await queries.Find(id, caller, cancellation);
        if (consultation is null) return NotFound();
        return await queries.Next(id, caller, cancellation) is { } next ? TypedResults.Ok(StatementView.Of(next, caller.IsModerator)) : TypedResults.NoContent();
    }

    private static async Task<IResult> Vote(Guid id, VoteRequest request, HttpContext http, VoteOnStatementHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new VoteOnStatement(id, request.Vote, CallerOf(http)), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }

    private static async Task<IResult> Approve(Guid id, HttpContext http, ApproveStatementHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new ApproveStatement(id, CallerOf(http)), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }

    private static async Task<IResult> Moderate(Guid id, StatementModerationRequest request, HttpContext http, ModerateStatementHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new ModerateStatement(id, request.Action, request.Reason, CallerOf(http)), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }

    private static async Task<IResult> Draw(Guid id, StatementRequest request, HttpContext http, DrawStatementFromFeedbackHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new DrawStatementFromFeedback(id, request.Text, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted ? TypedResults.Created($"/api/statements/{outcome.Id}", new StatementCreated(outcome.Id)) : DecisionProblems.From(outcome.Decision);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiConsultationNotFound"));
}
