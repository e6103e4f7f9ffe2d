using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Consultation.Consultations;
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
        app.MapHub<DialogueHub>("/hubs/dialogue", hub => hub.AllowStatefulReconnects = false);
        return app;
    }

    private static async Task<Results<Created<SessionCreated>, NotFound, ProblemHttpResult>> Schedule(
        Guid id, ScheduleSessionRequest request, ClaimsPrincipal user, IQuerySession query, DialogueSessions sessions, CancellationToken cancellation)
    {
        if (await query.LoadAsync<ConsultationDetails>(id, cancellation) is null) return TypedResults.NotFound();
        var command = new ScheduleSession(Guid.CreateVersion7(), id, request.Title, request.StartsAt, request.Agenda, request.PreModeration ?? false, request.AgendaSteps);
        var outcome = await sessions.Schedule(command, DialogueParticipant.From(user), cancellation);
        return outcome.Decision.Accepted
            ? TypedResults.Created($"/api/sessions/{command.SessionId}", new SessionCreated(command.SessionId))
            : DecisionProblems.From(outcome.Decision);
    }

    private static Task<Results<Ok<SessionSeq>, NotFound, ProblemHttpResult>> Start(
        Guid id, ClaimsPrincipal user, DialogueSessions sessions, DialogueBroadcaster broadcaster, CancellationToken cancellation) =>
        Run(id, (s, now) => StartSession.Decide(s, DialogueParticipant.From(user), now), sessions, broadcaster, cancellation);

    private static Task<Results<Ok<SessionSeq>, NotFound, ProblemHttpResult>> End(
        Guid id, ClaimsPrincipal user, DialogueSessions sessions, DialogueBroadcaster broadcaster, CancellationToken cancellation) =>
        Run(id, (s, now) => EndSession.Decide(s, DialogueParticipant.From(user), now), sessions, broadcaster, cancellation);

    private static async Task<Results<Ok<IReadOnlyList<SessionListingDto>>, NotFound, ForbidHttpResult>> List(
        Guid id, ClaimsPrincipal user, IQuerySession query, CancellationToken cancellation)
    {
        var consultation = await query.LoadAsync<ConsultationDetails>(id, cancellation);
        var me = DialogueParticipant.From(user);
        if (consultation is null || !DialogueAccess.MayKnowOf(consultation, me)) return TypedResults.NotFound();
        if (!DialogueAccess.MayJoin(consultation, me)) return TypedResults.Forbid();
        var listed = await SessionListing.Of(query, id, cancellation);
        return TypedResults.Ok<IReadOnlyList<SessionListingDto>>([.. listed.Select(SessionListingDto.From)]);
    }

    private static async Task<Results<Ok<SessionDetailsDto>, NotFound, ForbidHttpResult>> GetSession(
        Guid id, ClaimsPrincipal user, IQuerySession query, DialogueSessions sessions, Presence presence, CancellationToken cancellation)
    {
        var (session, _, me) = await ReadableSession.Load(id, user, sessions, query, cancellation);
        if (session is null) return TypedResults.NotFound();
        if (me is null) return TypedResults.Forbid();
        return TypedResults.Ok(SessionDetailsDto.Of(session!, me!, await presence.Count(id)));
    }

    private static async Task<Results<Ok<TranscriptDto>, NotFound, ForbidHttpResult>> GetTranscript(
        Guid id, ClaimsPrincipal user, IQuerySession query, DialogueSessions sessions, CancellationToken cancellation)
    {
        var (session, _, me) = await ReadableSession.Load(id, user, sessions, query, cancellation);
        if (session is null) return TypedResults.NotFound();
        if (me is null) return TypedResults.Forbid();
        return TypedResults.Ok(TranscriptDto.Of(Transcript.Of(session!, me!)));
    }

    private static async Task<Results<Ok<SessionSeq>, NotFound, ProblemHttpResult>> Run(
        Guid id, Func<DialogueSession, DateTimeOffset, Decision> decide, DialogueSessions sessions, DialogueBroadcaster broadcaster,
        CancellationToken cancellation)
    {
        var outcome = await sessions.Execute(id, decide, broadcaster.Publish, cancellation);
        if (outcome.Session is null) return TypedResults.NotFound();
        if (!outcome.Decision.Accepted) return DecisionProblems.From(outcome.Decision);
        return TypedResults.Ok(new SessionSeq(id, outcome.Session.Version, KebabCase.Name(outcome.Session.Status)));
    }
}
