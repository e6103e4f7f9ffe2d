using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Responding;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Addressing;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Deadlines;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Consultation.Review.Responding;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Review;

/// <summary>The officials' review routes: respond to an item, set the response deadline, see progress, publish.</summary>
public static class ReviewEndpoints
{
    public static WebApplication MapReview(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Review");
        api.MapPost("/feedback/{id:guid}/response", Respond).RequireAuthorization(Policies.Respond)
            .WithName("RespondToFeedback").WithSummary("An official's decision and explanation for an item; private until published.");
        api.MapPost("/consultations/{id}/responses/publish", Publish).RequireAuthorization(Policies.Respond)
            .WithName("PublishResponses").WithSummary("Makes every response public; the consultation moves to responded.");
        api.MapPut("/consultations/{id}/response-deadline", SetDeadline).RequireAuthorization(Policies.Respond)
            .WithName("SetResponseDeadline").WithSummary("The date by which every item should be answered.");
        api.MapGet("/consultations/{id}/review", Progress).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("ReviewProgress").WithSummary("Response deadline and how many public items are still unanswered.");
        api.MapGet("/consultations/{id}/dashboard", Dashboard).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("ReviewDashboard").WithSummary("Per-section counts and stance mix, stances, feedback over time, participation.");
        api.MapGet("/consultations/{id}/dashboard/breakdown", Breakdown).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("FeedbackBreakdown").WithSummary("Public items by the author's field of expertise and by degree (anonymous items counted, never named).");
        api.MapGet("/consultations/{id}/review/items", Items).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("ReviewItems").WithSummary("Items filtered by section, stance, author's field, status, responded, proposed wording, and a diacritic-insensitive search.");
        api.MapGet("/consultations/{id}/duplicates", Duplicates).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("NearDuplicateGroups").WithSummary("Groups of public items whose argument is nearly the same (trigram similarity).");
        api.MapPost("/consultations/{id:guid}/responses/group", RespondAsGroup).RequireAuthorization(Policies.Respond)
            .WithName("RespondToGroup").WithSummary("One decision and explanation for a group of items, stored for each item in one transaction.");
        api.MapGet("/consultations/{id}/carried", Carried).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("CarriedFeedback").WithSummary("Feedback on earlier versions, matched to the current version's sections: changed, unchanged or removed.");
        api.MapPost("/feedback/{id:guid}/addressed", MarkAddressed).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("MarkFeedbackAddressed").WithSummary("Marks an item as addressed by a later draft version (moderator, official of the drafting agency).");
        api.MapGet("/consultations/{id}/report.{format}", ReportEndpoint.Get).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("AcceptanceReport").WithSummary("The synthesis and acceptance table as docx, xlsx, csv or pdf; ?headings=en for English column headings.");
        api.MapGet("/consultations/{id}/report-details", ReportDetailsOf).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("ReportDetails").WithSummary("The report's letterhead details as set, and the lines the report prints from them.");
        api.MapPut("/consultations/{id}/report-details", SetReportDetails).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("SetReportDetails").WithSummary("Issuing body, number and symbol, place, date, signer and recipients of the report (Decree 30/2020).");
        api.MapCritique();
        api.MapMinutes();
        return app;
    }

    private static async Task<IResult> Respond(
        Guid id, ResponseRequest request, HttpContext http, RespondToFeedbackHandler handler, FeedbackQueries queries, CancellationToken cancellation)
    {
        var official = SignedInCaller.Of(http.User);
        var outcome = await handler.Handle(new RespondToFeedback(id, request.Decision, request.Explanation, official), cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        return TypedResults.Ok(FeedbackView.Of((await queries.Find(id, cancellation))!, official));
    }

    private static async Task<IResult> MarkAddressed(
        Guid id, AddressedRequest request, HttpContext http, MarkFeedbackAddressedHandler handler, FeedbackQueries queries, CancellationToken cancellation)
    {
        var caller = SignedInCaller.Of(http.User);
        var outcome = await handler.Handle(new MarkFeedbackAddressed(id, request.Version, caller), cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        return TypedResults.Ok(FeedbackView.Of((await queries.Find(id, cancellation))!, caller));
    }

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> Publish(
        string id, ClaimsPrincipal user, PublishResponsesHandler publish, ConsultationQueries queries, CancellationToken cancellation) =>
        ConsultationEndpoints.Run(id, queries, cancellation, consultationId => publish.Handle(new(consultationId, CallerClaims.From(user)!), cancellation));

    private static Task<Results<Ok<ConsultationResponse>, NotFound, ProblemHttpResult>> SetDeadline(
        string id, DeadlineRequest request, ClaimsPrincipal user, SetResponseDeadlineHandler handler, ConsultationQueries queries, CancellationToken cancellation) =>
        ConsultationEndpoints.Run(id, queries, cancellation, consultationId =>
            handler.Handle(new SetResponseDeadline(consultationId, request.Deadline, CallerClaims.From(user)!.UserName), cancellation));

    private static async Task<IResult> ReportDetailsOf(string id, ConsultationQueries queries, AcceptanceReport report, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var (set, printed) = await report.LetterheadOf(consultation, cancellation);
        return TypedResults.Ok(ReportDetailsView.Of(set, printed));
    }

    private static async Task<IResult> SetReportDetails(
        string id, ReportDetailsRequest request, HttpContext http, ConsultationQueries queries, SetReportDetailsHandler handler, AcceptanceReport report,
        CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var decision = await handler.Handle(new SetReportDetails(consultation.Id, request.IssuingBody, request.Number, request.Place, request.Date,
            request.SignerPosition, request.SignerName, request.Recipients, CallerClaims.From(http.User)!), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        var (set, printed) = await report.LetterheadOf(consultation, cancellation);
        return TypedResults.Ok(ReportDetailsView.Of(set, printed));
    }

    private static async Task<IResult> Dashboard(
        string id, string? field, ConsultationQueries queries, ReviewDashboard dashboard, IOptions<ConsultationOptions> options, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        var filter = ItemFilter.From(null, null, null, null, null, null, field, options.Value.AllowedFields, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(DashboardView.Of(await dashboard.Data(consultation, options.Value.AllowedFields, filter.Field, cancellation)));
    }

    private static async Task<IResult> Breakdown(
        string id, ConsultationQueries queries, FeedbackBreakdown breakdown, IOptions<ConsultationOptions> options, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        return TypedResults.Ok(await breakdown.Of(consultation.Id, options.Value.AllowedFields, cancellation));
    }

    private static async Task<IResult> Items(
        string id, string? section, string? stance, string? field, string? status, string? responded, string? hasProposedText, string? q,
        HttpContext http, ConsultationQueries queries, ReviewDashboard dashboard, IOptions<ConsultationOptions> options, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        var filter = ItemFilter.From(section, stance, status, responded, hasProposedText, q, field, options.Value.AllowedFields, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (items, total) = await dashboard.Items(consultation.Id, filter, cancellation);
        var caller = CallerClaims.From(http.User);
        return TypedResults.Ok(new ItemPage(total, [.. items.Select(i => FeedbackView.Of(i, caller, consultation.ResponsesArePublic))]));
    }

    private static async Task<IResult> Duplicates(string id, ConsultationQueries queries, NearDuplicates duplicates, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var groups = await duplicates.Groups(consultation.Id, cancellation);
        return TypedResults.Ok(groups.Select(g => new DuplicateGroupView(g.Count, g.ItemIds, g.Text)).ToList());
    }

    private static async Task<IResult> RespondAsGroup(Guid id, GroupResponseRequest request, HttpContext http, RespondToGroupHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(
            new RespondToGroup(id, request.ItemIds, request.Decision, request.Explanation, SignedInCaller.Of(http.User)), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        return TypedResults.Ok(new GroupResponded(decision.Events.Count, ((FeedbackResponded)decision.Events[0]).GroupId!.Value));
    }

    private static async Task<IResult> Carried(string id, ConsultationQueries queries, CarriedFeedback carried, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var items = await carried.Of(consultation, cancellation);
        return TypedResults.Ok(items.Select(i => new CarriedItemView(i.FeedbackId, i.DraftVersion, i.FromAnchor, i.CurrentAnchor, KebabCase.Name(i.Section),
            i.Quote is { } quote ? new CarriedQuoteView(quote.Found, quote.Anchor, quote.Start, quote.End) : null)).ToList());
    }

    private static async Task<IResult> Progress(
        string id, ConsultationQueries queries, ReviewProgressQuery progress, TimeProvider time, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        return TypedResults.Ok(ReviewProgressView.Of(await progress.Of(consultation, cancellation), time.GetUtcNow()));
    }
}
