using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Feedback.Submitting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Feedback;

/// <summary>The feedback form for one section (or the whole draft); also revises an existing item.</summary>
[Authorize(Policy = Policies.GiveFeedback)]
[EnableRateLimiting(RateLimits.Feedback)]
public sealed class WriteModel(
    FeedbackQueries queries, SubmitFeedbackHandler submit, ReviseFeedbackHandler revise, IStringLocalizer<SharedResource> texts) : PageModel
{
    public ConsultationDetails? Consultation { get; private set; }
    public SectionSnapshot? Section { get; private set; }

    [BindProperty(SupportsGet = true)] public string? SectionAnchor { get; set; }
    [BindProperty(SupportsGet = true, Name = "item")] public Guid? ItemId { get; set; }
    [BindProperty] public long ItemVersion { get; set; }
    [BindProperty] public string? Stance { get; set; } = "amend";
    [BindProperty] public string? ProposedText { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public string? Attribution { get; set; } = "named";
    [BindProperty] public string? QuoteText { get; set; }
    [BindProperty] public int? QuoteStart { get; set; }
    [BindProperty] public int? QuoteEnd { get; set; }
    [BindProperty] public List<ReferenceInput> References { get; set; } = [];
    [BindProperty] public string? IdempotencyKey { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (ItemId is { } id)
        {
            var item = await queries.OwnItem(id, consultationId, SignedInCaller.Of(User), cancellation);
            if (item is null) return NotFound();
            (ItemVersion, Stance, ProposedText, Rationale, Attribution) =
                (item.Version, KebabCase.Name(item.Stance), item.Content.ProposedText, item.Content.Rationale, KebabCase.Name(item.Content.Attribution));
            (QuoteText, QuoteStart, QuoteEnd) = (item.Content.Quote?.Text, item.Content.Quote?.Start, item.Content.Quote?.End);
            References = [.. item.Content.References.Select(r => new ReferenceInput(r.Title, r.Url))];
            SectionAnchor = item.SectionAnchor;
        }
        if (!await Load(consultationId, cancellation)) return NotFound();
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        var quote = string.IsNullOrEmpty(QuoteText) ? null : new QuoteInput(QuoteText, QuoteStart, QuoteEnd);
        var references = References.Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Url)).ToList();
        var input = new FeedbackInput(quote, Stance, ProposedText, Rationale, references, Attribution);
        var author = SignedInCaller.Of(User);
        var outcome = ItemId is { } id
            ? await revise.Handle(new ReviseFeedback(id, input, author, ItemVersion), cancellation)
            : await submit.Handle(new SubmitFeedback(consultationId, SectionAnchor, input, author, IdempotencyKey), cancellation);
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision);
            return Page();
        }
        TempData["Message"] = (ItemId is null ? texts["WriteSent"] : texts["WriteSaved"]).Value;
        return Redirect($"/me/feedback#item-{outcome.Id}");
    }

    private async Task<bool> Load(Guid consultationId, CancellationToken cancellation)
    {
        if (await queries.WritingTarget(consultationId, SectionAnchor, cancellation) is not { } target) return false;
        (Consultation, Section) = target;
        return true;
    }
}
