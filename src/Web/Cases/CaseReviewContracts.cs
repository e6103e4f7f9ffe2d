using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.DraftingReview;

namespace Nq45Consult.Web.Cases;

// The JSON shapes of the reviews' routes (docs/critique.md "Reviews and the assembled report").

/// <summary>PUT /api/cases/{id}/reviews/mine: the whole draft; <c>conclusion</c> "approve" | "approve-with-amendments" | "reject".</summary>
public sealed record ReviewRequest(
    List<ChapterInput?>? Chapters, string? Strengths, string? Shortcomings, List<ReviewRecommendationInput?>? Recommendations,
    string? Conclusion, string? ConclusionText);

public sealed record ChapterAssessmentView(string Anchor, string Title, string Text);

public sealed record ReviewRecommendationView(string Addressee, string Text);

/// <summary>A review as its writer, or once submitted everyone involved in the case, reads it; <c>docx</c>: its DOCX's address.</summary>
public sealed record ReviewView(
    Guid MemberId, string FullName, string Role, string Status, IReadOnlyList<ChapterAssessmentView> Chapters, string Strengths,
    string Shortcomings, IReadOnlyList<ReviewRecommendationView> Recommendations, string? Conclusion, string ConclusionText,
    DateTimeOffset DraftedAt, DateTimeOffset? SubmittedAt, string Docx)
{
    public static ReviewView Of(CaseReview r)
    {
        var c = r.Content;
        return new(
            r.MemberId, r.FullName, KebabCase.Name(r.Role), r.IsSubmitted ? "submitted" : "draft",
            [.. c.Chapters.Select(x => new ChapterAssessmentView(x.Anchor, x.Title, x.Text))], c.Strengths, c.Shortcomings,
            [.. c.Recommendations.Select(x => new ReviewRecommendationView(x.Addressee, x.Text))],
            c.Conclusion is { } conclusion ? KebabCase.Name(conclusion) : null, c.ConclusionText, r.DraftedAt, r.SubmittedAt,
            $"/api/cases/{r.CaseId}/reviews/{r.MemberId}.docx");
    }
}
