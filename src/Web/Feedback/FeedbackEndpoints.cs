using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Consultation.Feedback.Reporting;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Feedback.Withdrawing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Feedback;

/// <summary>The feedback, moderation and summary routes of api-v1.md.</summary>
public static class FeedbackEndpoints
{
    public static WebApplication MapFeedback(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<FeedbackOptions>>().Value.MaxRequestBytes;
        BodyLimit.Use(app);
        var api = app.MapGroup("/api").WithTags("Feedback")
            .WithMetadata(new RequestSizeLimitAttribute(limit), new BodyLimit(limit));

        api.MapPost("/consultations/{id:guid}/feedback", Submit).RequireAuthorization(Policies.GiveFeedback).RequireRateLimiting(RateLimits.Feedback)
            .WithName("SubmitFeedback").WithSummary("Submits an expert's feedback on a section (or the whole draft).");
        api.MapGet("/consultations/{id:guid}/feedback", List)
            .WithName("ListFeedback").WithSummary("Feedback on a consultation, filtered by section, stance and status.");
        api.MapGet("/consultations/{id:guid}/summary", Summary)
            .WithName("FeedbackSummary").WithSummary("Counts of public feedback per consultation and section.");
        api.MapGet("/consultations/{id:guid}/moderation-log", ModerationLog)
            .WithName("ModerationLog").WithSummary("How many items were hidden and restored, by reason category; no content.");
        api.MapPut("/feedback/{id:guid}", Revise).RequireAuthorization(Policies.GiveFeedback).RequireRateLimiting(RateLimits.Feedback)
            .WithName("ReviseFeedback").WithSummary("The author revises an item; If-Match carries the version.");
        api.MapDelete("/feedback/{id:guid}", Withdraw).RequireAuthorization(Policies.GiveFeedback)
            .WithName("WithdrawFeedback").WithSummary("The author withdraws an item; it stays in the history.");
        api.MapPost("/feedback/{id:guid}/reports", Report).RequireAuthorization(Policies.GiveFeedback).RequireRateLimiting(RateLimits.Reports)
            .WithName("ReportFeedback").WithSummary("An expert reports an item to the moderators.");
        api.MapPost("/feedback/{id:guid}/moderation", Moderate).RequireAuthorization(Policies.Moderate)
            .WithName("ModerateFeedback").WithSummary("A moderator hides or restores an item, with a reason category and text.");
        api.MapGet("/feedback/{id:guid}/history", History).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("FeedbackHistory").WithSummary("Every event of a feedback item with actor and time, as the caller may see them (404 for any other id).");
        api.MapGet("/me/feedback", Mine).RequireAuthorization(Policies.GiveFeedback)
            .WithName("MyFeedback").WithSummary("The caller's own feedback, anonymous items included.");
        api.MapGet("/moderation/queue", Queue).RequireAuthorization(Policies.Moderate)
            .WithName("ModerationQueue").WithSummary("Items for moderators: reported first, then hidden, then the latest; ?consultation= and ?status= narrow it.");
        app.MapHub<ConsultationHub>(ConsultationHub.Path);
        return app;
    }

    private static async Task<IResult> Submit(
        Guid id, FeedbackRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, FeedbackCommands commands, FeedbackLive live, CancellationToken cancellation)
    {
        var outcome = await commands.Submit(id, request.SectionAnchor, request.ToInput(), Reader.Of(http.User).Participant, idempotencyKey, cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        if (!outcome.Replayed) live.Changed(id, outcome.Id);
        http.Response.Headers.ETag = FeedbackResults.ETag(outcome.Version);
        return TypedResults.Created($"/api/feedback/{outcome.Id}", new FeedbackCreated(outcome.Id, outcome.Version));
    }

    private static async Task<IResult> Revise(Guid id, FeedbackRequest request, HttpContext http, FeedbackCommands commands, FeedbackLive live, CancellationToken cancellation)
    {
        var (expected, error) = FeedbackResults.IfMatch(http.Request, required: true);
        if (error is not null) return error;
        var author = Reader.Of(http.User).Participant;
        var outcome = await commands.Execute(id, expected,
            (item, target, now) => ReviseFeedback.Decide(item, target, new ReviseFeedback(id, request.ToInput(), author), now), cancellation);
        return await Answer(outcome, http, live, cancellation);
    }

    private static async Task<IResult> Withdraw(Guid id, HttpContext http, FeedbackCommands commands, FeedbackLive live, CancellationToken cancellation)
    {
        var (expected, error) = FeedbackResults.IfMatch(http.Request, required: false);
        if (error is not null) return error;
        var author = Reader.Of(http.User).Participant;
        var outcome = await commands.Execute(id, expected,
            (item, target, now) => WithdrawFeedback.Decide(item, target, new WithdrawFeedback(id, author), now), cancellation);
        return await Answer(outcome, http, live, cancellation);
    }

    private static async Task<IResult> Report(Guid id, ReportRequest request, HttpContext http, FeedbackCommands commands, FeedbackLive live, CancellationToken cancellation)
    {
        var reporter = Reader.Of(http.User).Participant;
        var outcome = await commands.Execute(id, null,
            (item, _, now) => ReportFeedback.Decide(item, new ReportFeedback(id, request.Reason, reporter, request.Category), now), cancellation);
        return await Answer(outcome, http, live, cancellation);
    }

    private static async Task<IResult> Moderate(Guid id, ModerationRequest request, HttpContext http, FeedbackCommands commands, FeedbackLive live, CancellationToken cancellation)
    {
        var moderator = Reader.Of(http.User).Participant;
        var outcome = await commands.Execute(id, null,
            (item, _, now) => ModerateFeedback.Decide(item, new ModerateFeedback(id, request.Action, request.Category, request.Reason, moderator), now), cancellation);
        return await Answer(outcome, http, live, cancellation);
    }

    /// <summary>After an accepted change to an existing item: the item as the caller may see it, and a live recount.</summary>
    private static async Task<IResult> Answer(FeedbackOutcome outcome, HttpContext http, FeedbackLive live, CancellationToken cancellation)
    {
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        var item = await http.RequestServices.GetRequiredService<FeedbackQueries>().Find(outcome.Id, cancellation);
        if (item is null) return TypedResults.NotFound();
        live.Changed(item.ConsultationId, item.Id);
        http.Response.Headers.ETag = FeedbackResults.ETag(item.Version);
        return TypedResults.Ok(FeedbackView.Of(item, Reader.Of(http.User)));
    }

    private static async Task<IResult> List(
        Guid id, string? section, string? stance, string? status, HttpContext http, IQuerySession session, FeedbackQueries queries, CancellationToken cancellation)
    {
        var reader = Reader.Of(http.User);
        var consultation = await session.LoadAsync<ConsultationDetails>(id, cancellation);
        if (consultation is null || !Visible(consultation, reader)) return ConsultationNotFound();
        var errors = new Dictionary<string, string[]>();
        Stance? wantedStance = null;
        if (stance is not null)
        {
            if (KebabCase.TryParse<Stance>(stance, out var parsed)) wantedStance = parsed;
            else errors["stance"] = [$"Lập trường phải là một trong: {KebabCase.Names<Stance>()}."];
        }
        var statuses = new List<FeedbackStatus> { FeedbackStatus.Published };
        if (status is not null)
        {
            if (!KebabCase.TryParse<FeedbackStatus>(status, out var parsed)) errors["status"] = [$"Trạng thái phải là một trong: {KebabCase.Names<FeedbackStatus>()}."];
            else statuses = [parsed];
        }
        else if (reader.IsReviewer) statuses = [.. Enum.GetValues<FeedbackStatus>()];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Hidden and withdrawn items are only for moderators and officials; others simply get none.
        if (!reader.IsReviewer) statuses.RemoveAll(s => s != FeedbackStatus.Published);
        var items = statuses.Count == 0 ? [] : await queries.List(id, section, wantedStance, statuses, cancellation);
        return TypedResults.Ok(items.Select(item => FeedbackView.Of(item, reader, consultation.ResponsesArePublic)).ToList());
    }

    private static async Task<IResult> Summary(Guid id, HttpContext http, IQuerySession session, FeedbackQueries queries, CancellationToken cancellation)
    {
        var consultation = await session.LoadAsync<ConsultationDetails>(id, cancellation);
        if (consultation is null || !Visible(consultation, Reader.Of(http.User))) return ConsultationNotFound();
        return TypedResults.Ok(SummaryView.Of(await queries.Summary(consultation, cancellation)));
    }

    private static async Task<IResult> ModerationLog(Guid id, HttpContext http, IQuerySession session, FeedbackQueries queries, CancellationToken cancellation)
    {
        if (!await Visible(session, id, Reader.Of(http.User), cancellation)) return ConsultationNotFound();
        var lines = await queries.ModerationLog(id, cancellation);
        return TypedResults.Ok(lines.Select(l => new ModerationLogLineView(KebabCase.Name(l.Category), l.Hidden, l.Restored)).ToList());
    }

    private static async Task<IResult> History(Guid id, HttpContext http, FeedbackHistory history, CancellationToken cancellation) =>
        await history.Read(id, Reader.Of(http.User).Participant, cancellation) is { } entries
            ? TypedResults.Ok(entries.Select(h => new HistoryEntryView(h.Version, h.Event, h.Actor, h.At, h.Data)).ToList())
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy góp ý");

    private static async Task<IResult> Mine(HttpContext http, FeedbackQueries queries, CancellationToken cancellation)
    {
        var reader = Reader.Of(http.User);
        var items = await queries.Mine(reader.Participant.UserName, cancellation);
        var answered = await queries.WithPublicResponses(items, cancellation);
        // The author is told why a moderator hid their item.
        return TypedResults.Ok(items.Select(item => FeedbackView.Of(item, reader, answered.Contains(item.ConsultationId)) with
        {
            ModerationCategory = item.ModerationCategory is { } c ? KebabCase.Name(c) : null,
            ModerationReason = item.ModerationReason,
        }).ToList());
    }

    private static async Task<IResult> Queue(Guid? consultation, string? status, HttpContext http, FeedbackQueries queries, CancellationToken cancellation)
    {
        FeedbackStatus? wanted = null;
        if (status is not null)
        {
            if (!KebabCase.TryParse<FeedbackStatus>(status, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"Trạng thái phải là một trong: {KebabCase.Names<FeedbackStatus>()}."],
                });
            wanted = parsed;
        }
        var reader = Reader.Of(http.User);
        return TypedResults.Ok((await queries.ModerationQueue(consultation, wanted, cancellation)).Select(item => FeedbackView.Of(item, reader)).ToList());
    }

    private static async Task<bool> Visible(IQuerySession session, Guid id, Reader reader, CancellationToken cancellation) =>
        await session.LoadAsync<ConsultationDetails>(id, cancellation) is { } consultation && Visible(consultation, reader);

    /// <summary>A consultation's feedback is seen with the consultation (<see cref="ConsultationVisibility"/>).</summary>
    private static bool Visible(ConsultationDetails consultation, Reader reader) => consultation.IsVisibleTo(reader.User);

    private static IResult ConsultationNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy đợt lấy ý kiến");
}
