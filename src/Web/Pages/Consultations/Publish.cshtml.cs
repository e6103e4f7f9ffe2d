using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Reading;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// /consultations/{slug}/publish: paste text or upload a Word, Markdown or text file, preview its sections,
/// frame and warnings (server-side here, live through <c>POST /api/drafts/preview</c> with script), publish
/// through <see cref="PublishDraftVersionHandler"/>, as the API does.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
[RequestSizeLimit(ConsultationEndpoints.MaxUploadBodyBytes)]
[RequestFormLimits(ValueLengthLimit = (int)ConsultationEndpoints.MaxDraftBodyBytes, MultipartBodyLengthLimit = ConsultationEndpoints.MaxUploadBodyBytes)]
public sealed class PublishModel(ConsultationQueries queries, PublishDraftVersionHandler publish, IStringLocalizer<SharedResource> texts) : PageModel
{
    private const string UploadField = "upload";

    public ConsultationDetails Consultation { get; private set; } = null!;

    /// <summary>What the text would give, after "Xem trước"; null before.</summary>
    public ParsedVersion? Preview { get; private set; }

    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public bool NeedsChangeNote => Consultation.CurrentVersion > 0;

    public string Warning(Nq45Consult.Consultation.Drafts.Parsing.DraftWarning warning) => DraftWarningText.Of(texts, warning);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        Markdown = (await queries.Version(Consultation.Id, Consultation.CurrentVersion, cancellation))?.Markdown;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        var (reading, read) = await ReadDraft(cancellation);
        if (!read) return Page();
        var (draft, refusal) = DraftSections.Parse(reading!);
        if (refusal is not null) ModelState.AddDecisionErrors(refusal);
        else Preview = draft;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        var (reading, read) = await ReadDraft(cancellation);
        if (!read) return Page();
        var outcome = await publish.Handle(new(Consultation.Id, reading!, ChangeNote, CallerClaims.From(User)!), cancellation);
        if (outcome.Decision is null) return NotFound();
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision, reasonKey: nameof(Markdown));
            return Page();
        }
        var published = (DraftVersionPublished)outcome.Decision.Events[0];
        TempData["Message"] = texts["PublishPublished", published.Version, published.Sections.Count].Value;
        return Redirect($"/consultations/{Consultation.Slug}/manage");
    }

    /// <summary>
    /// The uploaded file, read into Markdown, replaces the pasted text (which then shows what was read);
    /// without a file, the pasted text is read as Markdown or plain text. A refused file is shown next to the upload field.
    /// </summary>
    private async Task<(DraftReading? Reading, bool Read)> ReadDraft(CancellationToken cancellation)
    {
        if (Upload is not { Length: > 0 })
        {
            return (DraftSections.Pasted(Markdown), true);
        }

        var (reading, refusal) = DraftUpload.Read(Upload.FileName, Upload.ContentType, await UploadedFile.Read(Upload, cancellation), UploadField);
        if (reading is null)
        {
            ModelState.AddDecisionErrors(refusal!);
            return (null, false);
        }

        Markdown = reading.Markdown;
        ModelState.Remove(nameof(Markdown));
        return (reading, true);
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        var found = await queries.Find(slug, cancellation);
        if (found is null) return false;
        Consultation = found;
        return true;
    }
}
