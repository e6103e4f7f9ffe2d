using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Consultations;

/// <summary><c>POST /api/drafts/preview {markdown}</c>: the sections, frame and warnings a draft would have, nothing stored.</summary>
public static class PreviewEndpoint
{
    public static IEndpointRouteBuilder MapDraftPreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/drafts/preview", Preview)
            .RequireManager()
            .WithMetadata(new RequestSizeLimitAttribute(ConsultationEndpoints.MaxDraftBodyBytes))
            .WithTags("Drafts").WithName("PreviewDraft").WithSummary("Read Markdown or pasted text into sections, frame and warnings without publishing.");
        return app;
    }

    private static Results<Ok<PreviewResponse>, ProblemHttpResult> Preview(PreviewRequest request, IStringLocalizer<SharedResource> texts)
    {
        var (draft, refusal) = DraftSections.Parse(request.Markdown);
        return draft is null
            ? DecisionProblems.From(refusal!)
            : TypedResults.Ok(new PreviewResponse(draft.Sections, draft.Frame, draft.Warnings.Select(w => PreviewWarning.Of(texts, w)).ToList()));
    }
}
