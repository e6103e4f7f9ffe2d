using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Diffing;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations/{slug}/versions/{v}/diff/{w}: the redline between two versions.</summary>
public sealed class DiffModel(ConsultationQueries queries) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<SectionDiff> Sections { get; private set; } = [];
    public int From { get; private set; }
    public int To { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int v, int w, CancellationToken cancellation)
    {
        var found = await queries.Visible(slug, CallerClaims.From(User), cancellation);
        var diff = found is null ? null : await queries.Diff(found.Id, v, w, cancellation);
        if (diff is null) return NotFound();
        (Consultation, Sections, From, To) = (found!, diff, v, w);
        return Page();
    }
}
