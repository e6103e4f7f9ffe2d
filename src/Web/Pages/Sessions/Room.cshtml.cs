using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/sessions/{id}: the live room; the page is a shell that the SignalR client fills.</summary>
[Authorize]
public sealed class RoomModel(DialogueQueries queries, ConsultationQueries consultations, IStringLocalizer<SharedResource> texts) : PageModel
{
    /// <summary>The sections of the draft's current version a question may be about: anchor and label, in document order.</summary>
    public IReadOnlyList<(string Anchor, string Label)> Sections { get; private set; } = [];

    public DialogueSession Session { get; private set; } = null!;
    public ConsultationDetails Consultation { get; private set; } = null!;
    public Caller Me { get; private set; } = null!;

    public bool MayAnswer => Me.MayAnswer();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var found = await SessionPage.Load(id, User, queries, cancellation);
        if (found.Result is not null) return found.Result;
        (Session, Consultation, Me) = (found.Session!, found.Consultation!, found.Me!);
        var draft = await consultations.Version(Consultation.Id, Consultation.CurrentVersion, cancellation);
        Sections = SectionNameText.Of(texts, draft?.Sections ?? []);
        return Page();
    }
}

/// <summary>What the session pages share: the session, its consultation, and whether the caller may see it.</summary>
public sealed record SessionPage(DialogueSession? Session, ConsultationDetails? Consultation, Caller? Me, IActionResult? Result)
{
    public static async Task<SessionPage> Load(Guid id, System.Security.Claims.ClaimsPrincipal user, DialogueQueries queries, CancellationToken cancellation)
    {
        var (session, consultation, me) = await queries.Current(id, CallerClaims.From(user), cancellation);
        if (session is null) return new(null, null, null, new NotFoundResult());
        if (me is null) return new(null, null, null, new ForbidResult());
        return new(session, consultation, me, null);
    }
}
