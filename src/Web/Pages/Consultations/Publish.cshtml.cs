using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Drafts.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Drafts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// /consultations/{slug}/publish: paste or upload Markdown, preview its sections (server-side here,
/// live through <c>POST /api/drafts/preview</c> with script), publish through <see cref="ConsultationCommands.PublishVersion"/>.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
[RequestSizeLimit(ConsultationEndpoints.MaxDraftBodyBytes)]
[RequestFormLimits(ValueLengthLimit = (int)ConsultationEndpoints.MaxDraftBodyBytes, MultipartBodyLengthLimit = ConsultationEndpoints.MaxDraftBodyBytes)]
public sealed class PublishModel(ConsultationQueries queries, ConsultationCommands commands) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;

    /// <summary>The sections the Markdown would have, after "Xem trước"; null before.</summary>
    public IReadOnlyList<SectionSnapshot>? Preview { get; private set; }

    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public bool NeedsChangeNote => Consultation.CurrentVersion > 0;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        Markdown = (await queries.Version(Consultation.Id, Consultation.CurrentVersion, cancellation))?.Markdown;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        if (!await ReadUpload(cancellation)) return Page();
        var (sections, refusal) = DraftSections.Parse(Markdown);
        if (refusal is not null) ModelState.AddDecisionErrors(refusal);
        else Preview = sections;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        if (!await ReadUpload(cancellation)) return Page();
        var outcome = await commands.PublishVersion(Consultation.Id, Markdown, ChangeNote, DraftsAccess.Actor(User), cancellation);
        if (outcome.Decision is null) return NotFound();
        if (outcome.Decision.Conflict is not null) ModelState.AddModelError(nameof(Markdown), outcome.Decision.Conflict);
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision);
            return Page();
        }
        var published = (DraftVersionPublished)outcome.Decision.Events[0];
        TempData["Message"] = $"Đã đăng phiên bản {published.Version} ({published.Sections.Count} mục).";
        return Redirect($"/consultations/{Consultation.Slug}/manage");
    }

    /// <summary>An uploaded file replaces the pasted text; a non-Markdown file is refused next to the upload field.</summary>
    private async Task<bool> ReadUpload(CancellationToken cancellation)
    {
        if (Upload is not { Length: > 0 }) return true;
        using var buffer = new MemoryStream();
        await using (var stream = Upload.OpenReadStream())
        {
            // One byte past the limit is enough to refuse the file for its size.
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= DraftLimits.MaxMarkdownBytes && (read = await stream.ReadAsync(chunk, cancellation)) > 0)
                buffer.Write(chunk, 0, read);
        }
        var (text, refusal) = MarkdownUpload.Read(Upload.FileName, Upload.ContentType, buffer.ToArray());
        if (refusal is not null)
        {
            ModelState.AddDecisionErrors(refusal);
            return false;
        }
        Markdown = text;
        return true;
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        var found = await queries.Find(slug, cancellation);
        if (found is null) return false;
        Consultation = found;
        return true;
    }
}
