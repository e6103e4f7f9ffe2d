using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Dialogue;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/sessions/{id}: the live room; the page is a shell that the SignalR client fills.</summary>
[Authorize]
public sealed class RoomModel(DialogueSessions sessions, IQuerySession query) : PageModel
{
    public DialogueSession Session { get; private set; } = null!;
    public ConsultationDetails Consultation { get; private set; } = null!;
    public Participant Me { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var found = await SessionPage.Load(id, User, sessions, query, cancellation);
        if (found.Result is not null) return found.Result;
        (Session, Consultation, Me) = (found.Session!, found.Consultation!, found.Me!);
        return Page();
    }
}

/// <summary>What the session pages share: the session, its consultation, and whether the caller may see it.</summary>
public sealed record SessionPage(DialogueSession? Session, ConsultationDetails? Consultation, Participant? Me, IActionResult? Result)
{
    public static async Task<SessionPage> Load(Guid id, System.Security.Claims.ClaimsPrincipal user, DialogueSessions sessions, IQuerySession query, CancellationToken cancellation)
    {
        var (session, consultation, me) = await ReadableSession.Load(id, user, sessions, query, cancellation);
        if (session is null) return new(null, null, null, new NotFoundResult());
        if (me is null) return new(null, null, null, new ForbidResult());
        return new(session, consultation, me, null);
    }
}
