using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Cases.DraftingReview;

/// <summary>The assessment of one chapter, by its anchor.</summary>
public sealed record ChapterInput(string? Anchor, string? Text);

/// <summary>A recommendation of the review: to whom, and what.</summary>
public sealed record ReviewRecommendationInput(string? Addressee, string? Text);

/// <summary>
/// A reviewer (first or second, seat accepted) saves their formal review (bản nhận xét) as a draft, whole: one text per
/// chapter of the case's draft (chapters not sent stay empty), strengths, shortcomings, recommendations and the conclusion.
/// Any number of times, until submitted.
/// </summary>
public sealed record DraftReview(
    Guid CaseId, IReadOnlyList<ChapterInput?>? Chapters, string? Strengths, string? Shortcomings,
    IReadOnlyList<ReviewRecommendationInput?>? Recommendations, string? Conclusion, string? ConclusionText, Caller Reviewer)
{
    /// <param name="chapters">The top-level sections of the consultation's current version.</param>
    /// <param name="existing">The seat's review so far; null before the first draft.</param>
    public static Decision Decide(CritiqueCase? found, DraftReview command, IReadOnlyList<ReviewChapter> chapters, CaseReview? existing, DateTimeOffset now)
    {
        if (CaseChange.Unseen(found, command.Reviewer) is { } unseen) return unseen;
        if (CaseReview.SeatOf(found!, command.Reviewer) is not { } seat) return Decision.Forbid(DomainText.CaseReviewersOnly);
        if (existing is { IsSubmitted: true }) return Decision.Conflict(DomainText.CaseReviewAlreadySubmitted);
        var errors = new Dictionary<string, string[]>();
        var texts = new Dictionary<string, string>();
        var sent = command.Chapters ?? [];
        for (var i = 0; i < sent.Count; i++)
        {
            var anchor = sent[i]?.Anchor;
            if (anchor is null || !chapters.Any(c => c.Anchor == anchor)) errors[$"chapters[{i}].anchor"] = [DomainText.CaseReviewChapterUnknown];
            else if (!texts.TryAdd(anchor, sent[i]!.Text ?? "")) errors[$"chapters[{i}].anchor"] = [DomainText.CaseReviewChapterTwice];
            TextRules.Check(sent[i]?.Text, $"chapters[{i}].text", CaseReview.MaxChapterLength, required: false, DomainText.LabelReviewChapter, errors);
        }
        TextRules.Check(command.Strengths, "strengths", CaseReview.MaxPartLength, required: false, DomainText.LabelReviewStrengths, errors);
        TextRules.Check(command.Shortcomings, "shortcomings", CaseReview.MaxPartLength, required: false, DomainText.LabelReviewShortcomings, errors);
        var recommendations = command.Recommendations ?? [];
        if (recommendations.Count > CaseReview.MaxRecommendations)
            errors["recommendations"] = [DomainText.CaseReviewTooManyRecommendations(CaseReview.MaxRecommendations)];
        else
            for (var i = 0; i < recommendations.Count; i++)
            {
                TextRules.Check(recommendations[i]?.Addressee, $"recommendations[{i}].addressee", CaseReview.MaxAddresseeLength, required: true, DomainText.LabelRecommendationAddressee, errors);
                TextRules.Check(recommendations[i]?.Text, $"recommendations[{i}].text", CaseReview.MaxRecommendationLength, required: true, DomainText.LabelRecommendationText, errors);
            }
        ReviewConclusion? conclusion = null;
        if (!string.IsNullOrWhiteSpace(command.Conclusion))
        {
            if (KebabCase.TryParse(command.Conclusion, out ReviewConclusion chosen)) conclusion = chosen;
            else errors["conclusion"] = [DomainText.CaseReviewConclusionMustBeOneOf(KebabCase.Names<ReviewConclusion>())];
        }
        TextRules.Check(command.ConclusionText, "conclusionText", CaseReview.MaxConclusionLength, required: false, DomainText.LabelReviewConclusion, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        var content = new ReviewContent(
            [.. chapters.Select(c => new ChapterAssessment(c.Anchor, c.Title, texts.GetValueOrDefault(c.Anchor, "")))],
            command.Strengths ?? "", command.Shortcomings ?? "",
            [.. recommendations.Select(r => new ReportRecommendation(r!.Addressee!.Trim(), r.Text!))],
            conclusion, command.ConclusionText ?? "");
        return Decision.Accept(new ReviewDrafted(
            CaseReview.IdOf(found!.Id, seat.MemberId), found.Id, seat.MemberId, seat.UserName, seat.FullName, seat.Role, content, now));
    }
}

public sealed class DraftReviewHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(DraftReview command, CancellationToken cancellation) =>
        ReviewChange.Run(store, command.CaseId, command.Reviewer, async (session, c, existing) =>
            DraftReview.Decide(c, command, c is null ? [] : await ReviewChapter.Of(session, c, cancellation), existing, time.GetUtcNow()), cancellation);
}
