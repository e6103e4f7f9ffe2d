using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Critique;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Review;

/// <summary>
/// /review/{slug}/critique: the Union's critique report (báo cáo phản biện). Moderators assemble strengths,
/// shortcomings and recommendations per addressee from free text and selected items, and save; officials read it.
/// </summary>
[Authorize(Policy = Accounts.Policies.ReviewFeedback)]
public sealed class CritiqueModel(CritiqueQueries critiques, ReviewDashboard dashboard, DraftCritiqueHandler draftCritique, IStringLocalizer<SharedResource> texts) : PageModel
{
    public sealed class PointForm
    {
        public string? Addressee { get; set; }
        public string? Text { get; set; }
        public List<Guid> ItemIds { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Addressee) && ItemIds.Count == 0;
    }

    public ConsultationDetails Consultation { get; private set; } = null!;
    public CritiqueReport? Report { get; private set; }

    /// <summary>Items a point may cite: the first page of public items (filtered by <see cref="Q"/>) and every item already cited.</summary>
    public IReadOnlyList<FeedbackItem> Choices { get; private set; } = [];
    public int ChoicesTotal { get; private set; }

    [BindProperty] public List<PointForm> Strengths { get; set; } = [];
    [BindProperty] public List<PointForm> Shortcomings { get; set; } = [];
    [BindProperty] public List<PointForm> Recommendations { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public bool CanEdit => CallerClaims.From(User)?.IsModerator == true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        if (Report is { } report)
        {
            Strengths = [.. report.Strengths.Select(p => new PointForm { Text = p.Text, ItemIds = [.. p.ItemIds] })];
            Shortcomings = [.. report.Shortcomings.Select(p => new PointForm { Text = p.Text, ItemIds = [.. p.ItemIds] })];
            Recommendations = [.. report.Recommendations.Select(r => new PointForm { Addressee = r.Addressee, Text = r.Text, ItemIds = [.. r.ItemIds] })];
        }
        await LoadChoices(cancellation);
        return Page();
    }

    /// <summary>"Thêm ý": keeps what was typed and offers one more blank point in each part; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellation)
    {
        if (await Posted(slug, cancellation) is { } refused) return refused;
        Strengths.Add(new());
        Shortcomings.Add(new());
        Recommendations.Add(new());
        await LoadChoices(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken cancellation)
    {
        if (await Posted(slug, cancellation) is { } refused) return refused;
        var decision = await draftCritique.Handle(new DraftCritique(Consultation.Id,
            [.. Strengths.Select(p => new PointInput(p.Text, p.ItemIds))],
            [.. Shortcomings.Select(p => new PointInput(p.Text, p.ItemIds))],
            [.. Recommendations.Select(r => new RecommendationInput(r.Addressee, r.Text, r.ItemIds))],
            SignedInCaller.Of(User).UserName), cancellation);
        if (decision.Accepted)
        {
            TempData["Message"] = texts["CritiqueSaved"].Value;
            return RedirectToPage(new { slug, q = Q });
        }
        foreach (var (field, messages) in decision.Errors)
            foreach (var message in messages) ModelState.AddModelError(FieldId(field), message);
        // An invalid report's reason only repeats its first field error; the summary names the field instead.
        if (decision.Errors.Count == 0 && decision.Reason is { } conflict) ModelState.AddModelError("", conflict);
        await LoadChoices(cancellation);
        return Page();
    }

    /// <summary>The id of the control an API error key names: "strengths[0].text" is the textarea "Strengths_0__Text".</summary>
    public static string FieldId(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]))
            .Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public string Describe(FeedbackItem item)
    {
        var text = item.Content.Rationale.Length > 90 ? item.Content.Rationale[..90] + "…" : item.Content.Rationale;
        return $"{item.SectionAnchor ?? texts["MyFeedbackGeneral"]} — {item.PublicAuthorName}: {text}";
    }

    /// <summary>Loads the consultation for a moderator's post and keeps only the points with something in them.</summary>
    private async Task<IActionResult?> Posted(string slug, CancellationToken cancellation)
    {
        if (!CanEdit) return Forbid();
        if (!await Load(slug, cancellation)) return NotFound();
        ModelState.Clear();
        Drop();
        return null;
    }

    private void Drop()
    {
        Strengths.RemoveAll(p => p.IsBlank);
        Shortcomings.RemoveAll(p => p.IsBlank);
        Recommendations.RemoveAll(p => p.IsBlank);
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        if (await critiques.Of(slug, cancellation) is not ({ } found, var report)) return false;
        (Consultation, Report) = (found, report);
        return true;
    }

    private async Task LoadChoices(CancellationToken cancellation)
    {
        var (page, total) = await dashboard.Items(Consultation.Id, new ItemFilter(Search: string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()), cancellation);
        var cited = Strengths.Concat(Shortcomings).Concat(Recommendations).SelectMany(p => p.ItemIds).Distinct().Except(page.Select(i => i.Id)).ToArray();
        var more = await critiques.Items(cited, cancellation);
        Choices = [.. more.Concat(page)];
        ChoicesTotal = total;
        if (CanEdit)
        {
            Strengths.Add(new());
            Shortcomings.Add(new());
            Recommendations.Add(new());
        }
    }
}
