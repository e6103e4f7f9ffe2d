using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Web.Drafts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations/{slug}: the draft with its table of contents, one element per section at #anchor.</summary>
public sealed class ConsultationModel(ConsultationQueries queries, Consultation.Surveys.SurveyQueries surveys, TimeProvider time) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public DraftVersion? Shown { get; private set; }
    public ILookup<string?, SectionSnapshot> Children { get; private set; } = Array.Empty<SectionSnapshot>().ToLookup(s => s.ParentAnchor);
    public DateTimeOffset Now { get; private set; }
    public bool CanManage => DraftsAccess.CanManage(User);
    public bool HasSurvey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? version, CancellationToken cancellation)
    {
        var found = await ConsultationEndpoints.Visible(slug, User, queries, cancellation);
        if (found is null) return NotFound();
        (Consultation, Now) = (found, time.GetUtcNow());
        Shown = await queries.Version(found.Id, version ?? found.CurrentVersion, cancellation);
        if (version is not null && Shown is null) return NotFound();
        Children = (Shown?.Sections ?? []).ToLookup(s => s.ParentAnchor);
        HasSurvey = await surveys.Find(found.Id, cancellation) is not null;
        return Page();
    }
}
