using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Dialogue;

public sealed record ScheduleSessionRequest(
    string? Title, DateTimeOffset? StartsAt, string? Agenda, bool? PreModeration, IReadOnlyList<string?>? AgendaSteps = null);

public sealed record SessionCreated(Guid Id);

public sealed record SessionSeq(Guid Id, long Seq, string Status);

public static class DialogueEndpoints
{
    public static WebApplication MapDialogue(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Dialogue");
        api.MapPost("/consultations/{id:guid}/sessions", Schedule)
            .WithName("ScheduleSession").WithSummary("Schedules a live dialogue session for a consultation.")
            .RequireAuthorization(Policies.Moderate);
        api.MapPost("/sessions/{id:guid}/start", Start)
            .WithName("StartSession").WithSummary("Opens the session's room for questions, polls and chat.")
            .RequireAuthorization(Policies.Moderate);
        api.MapPost("/sessions/{id:guid}/end", End)
            .WithName("EndSession").WithSummary("Ends the session; its record stays as the transcript.")
            .RequireAuthorization(Policies.Moderate);
        api.MapGet("/consultations/{id:guid}/sessions", List)
            .WithName("ConsultationSessions").WithSummary("The dialogue sessions of a consultation, soonest first.")
            .RequireAuthorization();
        api.MapGet("/sessions/{id:guid}", GetSession)
            .WithName("Session").WithSummary("A session's details and where it stands: status, agenda step, seq, counts.")
            .RequireAuthorization();
        api.MapGet("/sessions/{id:guid}/transcript", GetTranscript)
            .WithName("SessionTranscript").WithSummary("Questions, answers, poll results and chat of a session, in stream order.")
            .RequireAuthorization();
        app.MapGet("/s/{code}", Join)
            .WithName("JoinSession").WithSummary("The short join link of a session (its join code): redirects to the session's room.");
        app.MapHub<DialogueHub>("/hubs/dialogue", hub => hub.AllowStatefulReconnects = false);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> Join(
        string code, ClaimsPrincipal user, DialogueQueries queries, CancellationToken cancellation) =>
        (await queries.ByJoinCode(code, CallerClaims.From(user), cancellation)).Session is { } session
            ? TypedResults.Redirect($"/sessions/{session.Id}")
            : TypedResults.NotFound();

    private static async Task<Results<Created<SessionCreated>, NotFound, ProblemHttpResult>> Schedule(
        Guid id, ScheduleSessionRequest request, ClaimsPrincipal user, ScheduleSessionHandler handler, CancellationToken cancellation)
    {
        var command = new ScheduleSession(
            Guid.CreateVersion7(), id, request.Title, request.StartsAt, request.Agenda, request.PreModeration ?? false, CallerClaims.From(user)!,
            request.AgendaSteps);
        var outcome = await handler.Handle(command, cancellation);
        if (outcome.Decision.Accepted) return TypedResults.Created($"/api/sessions/{command.SessionId}", new SessionCreated(command.SessionId));
        return outcome.Decision.Refusal == Refusal.NotFound ? TypedResults.NotFound() : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<Results<Ok<SessionSeq>, NotFound, ProblemHttpResult>> Start(
        Guid id, ClaimsPrincipal user, StartSessionHandler handler, CancellationToken cancellation) =>
        Seq(id, await handler.Handle(new StartSession(id, CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Ok<SessionSeq>, NotFound, ProblemHttpResult>> End(
        Guid id, ClaimsPrincipal user, EndSessionHandler handler, CancellationToken cancellation) =>
        Seq(id, await handler.Handle(new EndSession(id, CallerClaims.From(user)!), cancellation));

    private static async Task<Results<Ok<IReadOnlyList<SessionListingDto>>, NotFound, ForbidHttpResult>> List(
        Guid id, ClaimsPrincipal user, DialogueQueries queries, CancellationToken cancellation)
    {
        var (consultation, listed) = await queries.OfConsultation(id, CallerClaims.From(user), cancellation);
        if (consultation is null) return TypedResults.NotFound();
        if (listed is null) return TypedResults.Forbid();
        return TypedResults.Ok<IReadOnlyList<SessionListingDto>>([.. listed.Select(SessionListingDto.From)]);
    }

    private static async Task<Results<Ok<SessionDetailsDto>, NotFound, ForbidHttpResult>> GetSession(
        Guid id, ClaimsPrincipal user, DialogueQueries queries, Presence presence, CancellationToken cancellation)
    {
        var (session, _, me) = await queries.Current(id, CallerClaims.From(user), cancellation);
        if (session is null) return TypedResults.NotFound();
        if (me is null) return TypedResults.Forbid();
        return TypedResults.Ok(SessionDetailsDto.Of(session, me, await presence.Count(id)));
    }

    private static async Task<Results<Ok<TranscriptDto>, NotFound, ForbidHttpResult>> GetTranscript(
        Guid id, ClaimsPrincipal user, DialogueQueries queries, CancellationToken cancellation)
    {
        var (session, _, me) = await queries.Current(id, CallerClaims.From(user), cancellation);
        if (session is null) return TypedResults.NotFound();
        if (me is null) return TypedResults.Forbid();
        return TypedResults.Ok(TranscriptDto.Of(Transcript.Of(session, me)));
    }

    /// <summary>Where the session stands after a moderator's command, or why it does not.</summary>
    private static Results<Ok<SessionSeq>, NotFound, ProblemHttpResult> Seq(Guid id, DialogueOutcome outcome)
    {
        if (outcome.Session is null) return TypedResults.NotFound();
        if (!outcome.Decision.Accepted) return DecisionProblems.From(outcome.Decision);
        return TypedResults.Ok(new SessionSeq(id, outcome.Session.Version, KebabCase.Name(outcome.Session.Status)));
    }
}
