using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>A survey's results: moderators and officials; everyone after closing when the moderator made them public.</summary>
public sealed class ResultsModel(SurveyQueries queries) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User);
        var (consultation, survey) = await queries.Visible(consultationId, caller, cancellation);
        if (consultation is null || survey is null) return NotFound();
        if (!SurveyQueries.MaySeeResults(consultation, survey, caller)) return caller is null ? Challenge() : Forbid();
        (Consultation, Results) = (consultation, await queries.Results(survey, cancellation));
        return Page();
    }
}
