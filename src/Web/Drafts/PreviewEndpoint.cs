using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Drafts.Consultations.Publishing;

namespace Nq45Consult.Web.Drafts;

/// <summary><c>POST /api/drafts/preview {markdown}</c>: the sections a draft would have, nothing stored.</summary>
public static class PreviewEndpoint
{
    public static IEndpointRouteBuilder MapDraftPreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/drafts/preview", Preview)
            .RequireManager()
            .WithMetadata(new RequestSizeLimitAttribute(ConsultationEndpoints.MaxDraftBodyBytes))
            .WithTags("Drafts").WithName("PreviewDraft").WithSummary("Parse Markdown into sections without publishing.");
        return app;
    }

    private static Results<Ok<PreviewResponse>, ProblemHttpResult> Preview(PreviewRequest request)
    {
        var (sections, refusal) = DraftSections.Parse(request.Markdown);
        return refusal is null ? TypedResults.Ok(new PreviewResponse(sections)) : DecisionProblems.From(refusal);
    }
}
