using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.DraftingReview;
using Nq45Consult.Consultation.Cases.SubmittingReview;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Cases;

/// <summary>
/// /cases/{id}/review: the reviewer's form (bản nhận xét): one text area per chapter of the draft, strengths, shortcomings,
/// recommendation rows (blank rows are left out; "add a row" posts the form back with one more, so it works without
/// script), the conclusion; save as a draft, then submit once with a confirmation. Only a reviewer of the case writes
/// here (others: "denied"); a case the reader may not see is 404.
/// </summary>
public sealed class ReviewModel(CaseReviewQueries queries, DraftReviewHandler draft, SubmitReviewHandler submit, IStringLocalizer<SharedResource> text)
    : CasePage(text)
{
    /// <summary>Blank recommendation rows offered under the written ones.</summary>
    public const int BlankRows = 3;

    [FromRoute]
    public Guid Id { get; set; }

    public CaseReviews? Reviews { get; private set; }

    /// <summary>The form as posted, or as last saved: chapter texts by anchor.</summary>
    [BindProperty]
    public Dictionary<string, string?> Chapter { get; set; } = [];

    [BindProperty]
    public string? Strengths { get; set; }

    [BindProperty]
    public string? Shortcomings { get; set; }

    [BindProperty]
    public List<string?> Addressee { get; set; } = [];

    [BindProperty]
    public List<string?> Recommendation { get; set; } = [];

    [BindProperty]
    public string? Conclusion { get; set; }

    [BindProperty]
    public string? ConclusionText { get; set; }

    /// <summary>How many recommendation rows the form shows.</summary>
    public int Rows { get; private set; }

    /// <summary>Submit was sent without its confirmation ticked.</summary>
    public bool ConfirmMissing { get; private set; }

    private bool posted;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellation) => Shown(cancellation);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellation)
    {
        posted = true;
        var rows = Enumerable.Range(0, Math.Max(Addressee.Count, Recommendation.Count))
            .Select(i => (Addressee.ElementAtOrDefault(i), Recommendation.ElementAtOrDefault(i)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Item1) || !string.IsNullOrWhiteSpace(r.Item2))
            .Select(r => (ReviewRecommendationInput?)new ReviewRecommendationInput(r.Item1, r.Item2)).ToList();
        return Act(caller => draft.Handle(new DraftReview(
            Id, [.. Chapter.Select(c => (ChapterInput?)new ChapterInput(c.Key, c.Value))], Strengths, Shortcomings, rows, Conclusion, ConclusionText, caller),
            cancellation), "CasesReviewSaved", cancellation);
    }

    /// <summary>The form back as posted, with one more blank recommendation row; nothing is saved.</summary>
    public Task<IActionResult> OnPostAddRowAsync(CancellationToken cancellation)
    {
        posted = true;
        return Shown(cancellation, () => Rows = Math.Max(Addressee.Count, Recommendation.Count) + 1);
    }

    public Task<IActionResult> OnPostSubmitAsync(bool confirm, CancellationToken cancellation)
    {
        if (!confirm)
        {
            ConfirmMissing = true;
            return Shown(cancellation);
        }
        return Act(caller => submit.Handle(new SubmitReview(Id, caller), cancellation), "CasesReviewSubmitted", cancellation,
            () => RedirectToPage("/Cases/Case", new { id = Id }));
    }

    /// <summary>The form, to the case's reviewers only: sign-in first, 404 for a case the reader may not see, "denied" without a reviewer's seat.</summary>
    private async Task<IActionResult> Shown(CancellationToken cancellation, Action? then = null)
    {
        if (Reader is null) return Challenge();
        await Load(cancellation);
        if (Reviews is null) return NotFound();
        if (Reviews.Seat is null) return Forbid();
        then?.Invoke();
        return Page();
    }

    protected override async Task Load(CancellationToken cancellation)
    {
        Reviews = await queries.Of(Id, Reader, cancellation);
        if (posted)
        {
            Rows = Math.Max(Addressee.Count, Recommendation.Count);
            return;
        }
        if (Reviews?.Mine is not { } mine)
        {
            Rows = BlankRows;
            return;
        }
        var c = mine.Content;
        Chapter = c.Chapters.ToDictionary(x => x.Anchor, x => (string?)x.Text);
        (Strengths, Shortcomings, ConclusionText) = (c.Strengths, c.Shortcomings, c.ConclusionText);
        Addressee = [.. c.Recommendations.Select(r => (string?)r.Addressee)];
        Recommendation = [.. c.Recommendations.Select(r => (string?)r.Text)];
        Conclusion = c.Conclusion is { } conclusion ? KebabCase.Name(conclusion) : null;
        Rows = c.Recommendations.Count + BlankRows;
    }
}
