using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.AssemblingReport;
using Nq45Consult.Consultation.Cases.DraftingReview;
using Nq45Consult.Consultation.Cases.SubmittingReview;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Review;

namespace Nq45Consult.Web.Cases;

/// <summary>The reviewers' formal reviews and the critique report assembled from the case (docs/critique.md).</summary>
public static class CaseReviewEndpoints
{
    /// <summary>Room for a review of many long chapters in any encoding.</summary>
    private const long MaxRequestBytes = 1024 * 1024;

    public static WebApplication MapCaseReviewEndpoints(this WebApplication app)
    {
        var limits = new object[] { new RequestSizeLimitAttribute(MaxRequestBytes), new BodyLimit(MaxRequestBytes) };
        var api = app.MapGroup("/api/cases/{id:guid}").WithTags("Cases").WithMetadata(limits);
        api.MapGet("/reviews", List)
            .WithName("CaseReviews").WithSummary("The submitted reviews (to those involved in the case) and the caller's own draft.");
        api.MapPut("/reviews/mine", Draft).RequireAuthorization()
            .WithName("DraftCaseReview").WithSummary("A reviewer saves their review as a draft, whole; 409 once submitted.");
        api.MapPost("/reviews/mine/submit", Submit).RequireAuthorization()
            .WithName("SubmitCaseReview").WithSummary("A reviewer submits the review as saved, once.");
        api.MapGet("/reviews/{memberId:guid}.docx", Docx)
            .WithName("CaseReviewDocx").WithSummary("One review as DOCX in the administrative form: submitted ones to those involved, a draft to its writer.");
        api.MapPost("/report/assemble", Assemble).RequireAuthorization(Policies.Moderate)
            .WithName("AssembleCaseReport").WithSummary("Writes the consultation's critique report from the submitted reviews, the feedback and the meeting's final minutes.");
        return app;
    }

    private static Caller CallerOf(HttpContext http) =>
        CallerClaims.From(http.User) ?? throw new InvalidOperationException("The route requires sign-in.");

    private static async Task<IResult> List(Guid id, HttpContext http, CaseReviewQueries queries, CancellationToken cancellation) =>
        await queries.Of(id, CallerClaims.From(http.User), cancellation) is { } reviews
            ? TypedResults.Ok(reviews.Readable.Select(ReviewView.Of).ToList())
            : NotFound();

    private static async Task<IResult> Draft(Guid id, ReviewRequest request, HttpContext http, DraftReviewHandler handler, CaseReviewQueries queries, CancellationToken cancellation)
    {
        var caller = CallerOf(http);
        var decision = await handler.Handle(new DraftReview(
            id, request.Chapters, request.Strengths, request.Shortcomings, request.Recommendations, request.Conclusion, request.ConclusionText, caller), cancellation);
        return await Mine(id, caller, decision, queries, cancellation);
    }

    private static async Task<IResult> Submit(Guid id, HttpContext http, SubmitReviewHandler handler, CaseReviewQueries queries, CancellationToken cancellation)
    {
        var caller = CallerOf(http);
        return await Mine(id, caller, await handler.Handle(new SubmitReview(id, caller), cancellation), queries, cancellation);
    }

    private static async Task<IResult> Docx(Guid id, Guid memberId, HttpContext http, CaseReviewQueries queries, CancellationToken cancellation)
    {
        if (await queries.One(id, memberId, CallerClaims.From(http.User), cancellation) is not { } one) return NotFound();
        var file = new MemoryStream();
        await CaseReviewDocx.Write(file, one.Case, one.Review, cancellation);
        file.Position = 0;
        return TypedResults.File(file, MinutesEndpoints.DocxType, $"ban-nhan-xet-{memberId:N}.docx");
    }

    private static async Task<IResult> Assemble(Guid id, HttpContext http, AssembleCaseReportHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new AssembleCaseReport(id, CallerOf(http)), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }

    /// <summary>After an accepted change: the caller's review as it is now.</summary>
    private static async Task<IResult> Mine(Guid id, Caller caller, Decision decision, CaseReviewQueries queries, CancellationToken cancellation)
    {
        if (!decision.Accepted) return DecisionProblems.From(decision);
        return await queries.Of(id, caller, cancellation) is { Mine: { } mine } ? TypedResults.Ok(ReviewView.Of(mine)) : NotFound();
    }

    private static IResult NotFound() => DecisionProblems.From(Decision.NotFound(DomainText.CaseNotFound));
}
