using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/sessions/{id}/transcript: questions, answers, poll results and chat of a session, in order.</summary>
[Authorize]
public sealed class TranscriptModel(DialogueQueries queries) : PageModel
{
    public Transcript Transcript { get; private set; } = null!;
    public ConsultationDetails Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var found = await SessionPage.Load(id, User, queries, cancellation);
        if (found.Result is not null) return found.Result;
        (Transcript, Consultation) = (Transcript.Of(found.Session!, found.Me!), found.Consultation!);
        return Page();
    }
}
