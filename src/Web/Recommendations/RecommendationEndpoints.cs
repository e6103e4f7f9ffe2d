using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nq45Consult.Consultation.Recommendations;
using Nq45Consult.Consultation.Recommendations.Answering;
using Nq45Consult.Consultation.Recommendations.Moderating;
using Nq45Consult.Consultation.Recommendations.Routing;
using Nq45Consult.Consultation.Recommendations.Submitting;
using Nq45Consult.Consultation.Recommendations.Supporting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Attachments;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Recommendations;

/// <summary>The recommendation routes: api-v1.md's three and the moderators' and officials' ones (docs/critique.md).</summary>
public static class RecommendationEndpoints
{
    /// <summary>Room for a 10,000-character answer in any encoding.</summary>
    private const long MaxRequestBytes = 128 * 1024;

    public static WebApplication MapRecommendationEndpoints(this WebApplication app)
    {
        var limits = new object[] { new RequestSizeLimitAttribute(MaxRequestBytes), new BodyLimit(MaxRequestBytes) };
        var api = app.MapGroup("/api/recommendations").WithTags("Recommendations").WithMetadata(limits);
        api.MapGet("/", List)
            .WithName("ListRecommendations").WithSummary("Recommendations with their status, agency, deadline and answer, optionally of one status (submitted, routed, overdue, answered) and field; hidden ones and anonymous authors for moderators only.");
        api.MapPost("/", Submit).RequireAuthorization(Policies.GiveFeedback).RequireRateLimiting(RateLimits.Feedback)
            .WithName("SubmitRecommendation").WithSummary("An expert's recommendation: topic, fields, text, attribution (named or anonymous).");
        api.MapPost("/{id:guid}/support", Support).RequireAuthorization(Policies.GiveFeedback)
            .WithName("SupportRecommendation").WithSummary("Supports a recommendation, once per person; answers the count.");
        api.MapPost("/{id:guid}/moderation", Moderate).RequireAuthorization(Policies.Moderate)
            .WithName("ModerateRecommendation").WithSummary("Hides or restores a recommendation with a reason.");
        api.MapPost("/{id:guid}/routing", Route).RequireAuthorization(Policies.Moderate)
            .WithName("RouteRecommendation").WithSummary("Sends a recommendation to the agency responsible ({agencyId}), whose officials then have Recommendations:AnswerDays days to answer.");
        api.MapPost("/{id:guid}/answer", Answer).RequireAuthorization(Policies.Respond)
            .WithName("AnswerRecommendation").WithSummary("The agency's answer, by an official of the agency it is routed to; published with the recommendation.");
        app.MapAttachmentUpload("/api/recommendations", RecommendationAttachments.OwnerKind).WithTags("Recommendations")
            .WithName("AttachToRecommendation").WithSummary("Its author or a moderator attaches a PDF or DOCX file (multipart \"file\"), up to Attachments:MaxPerOwner.");
        return app;
    }

    private static Caller CallerOf(HttpContext http) =>
        CallerClaims.From(http.User) ?? throw new InvalidOperationException("The route requires sign-in.");

    private static async Task<IResult> List(string? status, string? field, HttpContext http, RecommendationQueries queries, CancellationToken cancellation)
    {
        var (filter, errors) = RecommendationFilter.Parse(status, field);
        return filter is null
            ? DecisionProblems.From(Decision.Invalid(errors))
            : TypedResults.Ok((await queries.List(CallerClaims.From(http.User), filter, cancellation)).Select(RecommendationView.Of).ToList());
    }

    private static async Task<IResult> Submit(RecommendationRequest request, HttpContext http, SubmitRecommendationHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new SubmitRecommendation(request.Topic, request.Fields, request.Text, request.Attribution, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted
            ? TypedResults.Created($"/recommendations#recommendation-{outcome.Id}", new RecommendationCreated(outcome.Id))
            : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> Support(Guid id, HttpContext http, SupportRecommendationHandler handler, CancellationToken cancellation)
    {
        var outcome = await handler.Handle(new SupportRecommendation(id, CallerOf(http)), cancellation);
        return outcome.Decision.Accepted ? TypedResults.Ok(new RecommendationSupportView(id, outcome.Supports)) : DecisionProblems.From(outcome.Decision);
    }

    private static async Task<IResult> Moderate(Guid id, RecommendationModerationRequest request, HttpContext http, ModerateRecommendationHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new ModerateRecommendation(id, request.Action, request.Reason, CallerOf(http)), cancellation));

    private static async Task<IResult> Route(Guid id, RecommendationRoutingRequest request, HttpContext http, RouteRecommendationHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new RouteRecommendation(id, request.AgencyId, CallerOf(http)), cancellation));

    private static async Task<IResult> Answer(Guid id, RecommendationAnswerRequest request, HttpContext http, AnswerRecommendationHandler handler, CancellationToken cancellation) =>
        Answered(await handler.Handle(new AnswerRecommendation(id, request.Answer, CallerOf(http)), cancellation));

    private static IResult Answered(Decision decision) => decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
}
