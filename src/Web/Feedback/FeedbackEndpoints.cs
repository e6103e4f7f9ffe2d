using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Consultation.Feedback.Reporting;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Feedback.Submitting;
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
        api.MapOnBehalf();
        app.MapHub<ConsultationHub>(ConsultationHub.Path);
        return app;
    }

    private static async Task<IResult> Submit(
        Guid id, FeedbackRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, SubmitFeedbackHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(
            new SubmitFeedback(id, request.SectionAnchor, request.ToInput(), SignedInCaller.Of(http.User), idempotencyKey), cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        http.Response.Headers.ETag = FeedbackResults.ETag(outcome.Version);
        return TypedResults.Created($"/api/feedback/{outcome.Id}", new FeedbackCreated(outcome.Id, outcome.Version));
    }

    private static async Task<IResult> Revise(Guid id, FeedbackRequest request, HttpContext http, ReviseFeedbackHandler handler, CancellationToken cancellation)
    {
        var (expected, error) = FeedbackResults.IfMatch(http.Request, required: true);
        if (error is not null) return error;
        var outcome = await handler.Handle(new ReviseFeedback(id, request.ToInput(), SignedInCaller.Of(http.User), expected), cancellation);
        return await Answer(outcome, http, cancellation);
    }

    private static async Task<IResult> Withdraw(Guid id, HttpContext http, WithdrawFeedbackHandler handler, CancellationToken cancellation)
    {
        var (expected, error) = FeedbackResults.IfMatch(http.Request, required: false);
        if (error is not null) return error;
        return await Answer(await handler.Handle(new WithdrawFeedback(id, SignedInCaller.Of(http.User), expected), cancellation), http, cancellation);
    }

    private static async Task<IResult> Report(Guid id, ReportRequest request, HttpContext http, ReportFeedbackHandler handler, CancellationToken cancellation) =>
        await Answer(await handler.Handle(new ReportFeedback(id, request.Reason, SignedInCaller.Of(http.User), request.Category), cancellation), http, cancellation);

    private static async Task<IResult> Moderate(Guid id, ModerationRequest request, HttpContext http, ModerateFeedbackHandler handler, CancellationToken cancellation) =>
        await Answer(await handler.Handle(
            new ModerateFeedback(id, request.Action, request.Category, request.Reason, SignedInCaller.Of(http.User)), cancellation), http, cancellation);

    /// <summary>After an accepted change to an existing item: the item as the caller may see it.</summary>
    private static async Task<IResult> Answer(FeedbackOutcome outcome, HttpContext http, CancellationToken cancellation)
    {
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        var item = await http.RequestServices.GetRequiredService<FeedbackQueries>().Find(outcome.Id, cancellation);
        if (item is null) return TypedResults.NotFound();
        http.Response.Headers.ETag = FeedbackResults.ETag(item.Version);
        return TypedResults.Ok(FeedbackView.Of(item, CallerClaims.From(http.User)));
    }

    private static async Task<IResult> List(
        Guid id, string? section, string? stance, string? status, HttpContext http, FeedbackQueries queries, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(http.User);
        var consultation = await queries.Consultation(id, caller, cancellation);
        if (consultation is null) return ConsultationNotFound();
        var errors = new Dictionary<string, string[]>();
        Stance? wantedStance = null;
        if (stance is not null)
        {
            if (KebabCase.TryParse<Stance>(stance, out var parsed)) wantedStance = parsed;
            else errors["stance"] = [ApiText.Of("ApiStanceOneOf", KebabCase.Names<Stance>())];
        }
        FeedbackStatus? wantedStatus = null;
        if (status is not null)
        {
            if (KebabCase.TryParse<FeedbackStatus>(status, out var parsed)) wantedStatus = parsed;
            else errors["status"] = [ApiText.Of("ApiStatusOneOf", KebabCase.Names<FeedbackStatus>())];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var items = await queries.ListFor(caller, id, section, wantedStance, wantedStatus, cancellation);
        return TypedResults.Ok(items.Select(item => FeedbackView.Of(item, caller, consultation.ResponsesArePublic)).ToList());
    }

    private static async Task<IResult> Summary(Guid id, HttpContext http, FeedbackQueries queries, CancellationToken cancellation) =>
        await queries.Consultation(id, CallerClaims.From(http.User), cancellation) is { } consultation
            ? TypedResults.Ok(SummaryView.Of(await queries.Summary(consultation, cancellation)))
            : ConsultationNotFound();

    private static async Task<IResult> ModerationLog(Guid id, HttpContext http, FeedbackQueries queries, CancellationToken cancellation)
    {
        if (await queries.Consultation(id, CallerClaims.From(http.User), cancellation) is null) return ConsultationNotFound();
        var lines = await queries.ModerationLog(id, cancellation);
        return TypedResults.Ok(lines.Select(l => new ModerationLogLineView(KebabCase.Name(l.Category), l.Hidden, l.Restored)).ToList());
    }

    private static async Task<IResult> History(Guid id, HttpContext http, FeedbackHistory history, CancellationToken cancellation) =>
        await history.Read(id, CallerClaims.From(http.User), cancellation) is { } entries
            ? TypedResults.Ok(entries.Select(h => new HistoryEntryView(h.Version, h.Event, h.Actor, h.At, h.Data)).ToList())
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiFeedbackNotFound"));

    private static async Task<IResult> Mine(HttpContext http, FeedbackQueries queries, CancellationToken cancellation)
    {
        var caller = SignedInCaller.Of(http.User);
        var items = await queries.Mine(caller.UserName, cancellation);
        var answered = await queries.WithPublicResponses(items, cancellation);
        // The author is told why a moderator hid their item.
        return TypedResults.Ok(items.Select(item => FeedbackView.Of(item, caller, answered.Contains(item.ConsultationId)) with
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
                    ["status"] = [ApiText.Of("ApiStatusOneOf", KebabCase.Names<FeedbackStatus>())],
                });
            wanted = parsed;
        }
        var caller = CallerClaims.From(http.User);
        return TypedResults.Ok((await queries.ModerationQueue(consultation, wanted, cancellation)).Select(item => FeedbackView.Of(item, caller)).ToList());
    }

    private static IResult ConsultationNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiConsultationNotFound"));
}
