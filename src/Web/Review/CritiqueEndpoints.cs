using System.Security.Claims;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Review.Critique;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;

namespace Nq45Consult.Web.Review;

public sealed record CritiqueRequest(
    IReadOnlyList<PointInput>? Strengths, IReadOnlyList<PointInput>? Shortcomings, IReadOnlyList<RecommendationInput>? Recommendations);

/// <summary>The Union's critique report: moderators write it from selected items and free text; reviewers read and export it.</summary>
public static class CritiqueEndpoints
{
    public static RouteGroupBuilder MapCritique(this RouteGroupBuilder api)
    {
        api.MapPut("/consultations/{id}/critique", Save).RequireAuthorization(Policies.Moderate)
            .WithName("DraftCritique").WithSummary("Saves the critique report: strengths, shortcomings, recommendations per addressee, with cited items.");
        api.MapGet("/consultations/{id}/critique", Get).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("GetCritique").WithSummary("The latest critique report.");
        api.MapGet("/consultations/{id}/critique.docx", Docx).RequireAuthorization(Policies.ReviewFeedback)
            .WithName("CritiqueDocx").WithSummary("The critique report as DOCX.");
        return api;
    }

    private static async Task<IResult> Save(
        string id, CritiqueRequest request, ClaimsPrincipal user, ConsultationQueries queries, DraftCritiqueHandler handler, CritiqueQueries critiques, CancellationToken cancellation)
    {
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.NotFound();
        var decision = await handler.Handle(new DraftCritique(
            consultation.Id, request.Strengths, request.Shortcomings, request.Recommendations, CallerClaims.From(user)!.UserName), cancellation);
        if (!decision.Accepted) return DecisionProblems.From(decision);
        return TypedResults.Ok((await critiques.Of(consultation.Id.ToString(), cancellation)).Report);
    }

    private static async Task<IResult> Get(string id, CritiqueQueries critiques, CancellationToken cancellation) =>
        await critiques.Of(id, cancellation) is ({ } _, { } report) ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<IResult> Docx(
        string id, string? progress, HttpContext http, CritiqueQueries critiques, CritiqueDocx docx, CancellationToken cancellation)
    {
        if (await critiques.Of(id, cancellation) is not ({ } consultation, { } report)) return TypedResults.NotFound();
        return await ExportDownload.Send(http, progress, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"bao-cao-phan-bien-{consultation.Slug}.docx", (file, pushed, token) => docx.Write(file, consultation, report, pushed, token), cancellation);
    }
}
