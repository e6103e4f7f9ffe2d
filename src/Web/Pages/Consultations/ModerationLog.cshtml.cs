using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// /consultations/{slug}/moderation: how many of a consultation's items were hidden and restored, by reason category,
/// as <c>GET /api/consultations/{id}/moderation-log</c> answers them: counts only, never an item or its author; to
/// whoever may see the consultation.
/// </summary>
public sealed class ModerationLogModel(ConsultationQueries consultations, FeedbackQueries feedback) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<ModerationLogLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (await consultations.Visible(slug, CallerClaims.From(User), cancellation) is not { } consultation) return NotFound();
        Consultation = consultation;
        Lines = await feedback.ModerationLog(consultation.Id, cancellation);
        return Page();
    }
}
