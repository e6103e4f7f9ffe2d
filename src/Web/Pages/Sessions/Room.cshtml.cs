using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/sessions/{id}: the live room; the page is a shell that the SignalR client fills.</summary>
[Authorize]
public sealed class RoomModel(DialogueQueries queries, ConsultationQueries consultations) : PageModel
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
        Sections = [.. (draft?.Sections ?? []).Select(s => (s.Anchor, SectionLabel(s)))];
        return Page();
    }

    private static string SectionLabel(SectionSnapshot section)
    {
        var words = section.Heading.Length > 0 ? section.Heading : section.Text.Length > 60 ? section.Text[..60] + "…" : section.Text;
        return string.Join(" ", new[] { section.Number, words }.Where(t => t.Length > 0));
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
