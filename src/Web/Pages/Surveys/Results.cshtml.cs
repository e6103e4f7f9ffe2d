using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Surveys;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>A survey's results: moderators and officials; everyone after closing when the moderator made them public.</summary>
public sealed class ResultsModel(IQuerySession session, SurveyQueries queries) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var reader = Reader.Of(User);
        var (consultation, survey) = await SurveyAccess.Load(session, consultationId, cancellation);
        if (consultation is null || survey is null || !SurveyAccess.MaySeeSurvey(consultation, reader)) return NotFound();
        if (!SurveyAccess.MaySeeResults(consultation, survey, reader)) return reader.User is null ? Challenge() : Forbid();
        (Consultation, Results) = (consultation, await queries.Results(survey, cancellation));
        return Page();
    }
}
