using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Invitations;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Consultation.Invitations.Managing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Invitations;

/// <summary>
/// /consultations/{slug}/manage/invitations: invite by pasted addresses or from a registry search (to the consultation
/// or one of its live sessions), and follow each e-mailed invitation — sent, opened, account created, took part —
/// resending or revoking it. Each form runs the same handler as the API.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class ManageModel(
    ConsultationQueries consultations, InvitationQueries invitations, InvitePeopleHandler invite, InvitationChange change,
    RegistrySearch registry, AssociationQueries associations, IStringLocalizer<SharedResource> texts) : PageModel
{
    public const int ResultsShown = 50;

    /// <summary>Invitations per page of the tracking table; the summary above it counts them all.</summary>
    public const int RowsPerPage = 50;

    /// <summary>The tracking table's page, from 1 (newest invitations first).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<InvitationRow> Rows => [.. List.Invitations.Skip((Math.Max(1, PageNumber) - 1) * RowsPerPage).Take(RowsPerPage)];

    public bool HasNewer => PageNumber > 1;

    public bool HasOlder => Math.Max(1, PageNumber) * RowsPerPage < List.Invitations.Count;

    public ConsultationDetails Consultation { get; private set; } = null!;
    public InvitationList List { get; private set; } = new(0, []);
    public IReadOnlyList<SessionListing> Sessions { get; private set; } = [];
    public IReadOnlyList<MemberAssociation> OpenAssociations { get; private set; } = [];
    public IReadOnlyList<string> AllowedFields => registry.Fields;

    /// <summary>Addresses separated by commas, semicolons, spaces or new lines.</summary>
    [BindProperty] public string? Emails { get; set; }

    /// <summary>Empty: the consultation; otherwise one of its live sessions.</summary>
    [BindProperty] public Guid? SessionId { get; set; }

    [BindProperty] public List<Guid> ProfileIds { get; set; } = [];

    // The registry search (the query string; the "invite everyone found" form sends it back).
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Association { get; set; }

    public RegistryPage? Found { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await Load(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken cancellation) =>
        Invite(slug, SplitAddresses(Emails), [], cancellation);

    public Task<IActionResult> OnPostInviteSelectedAsync(string slug, CancellationToken cancellation) =>
        Invite(slug, [], ProfileIds, cancellation);

    public async Task<IActionResult> OnPostInviteFoundAsync(string slug, CancellationToken cancellation)
    {
        var filter = Filter();
        if (filter is null) return await Invite(slug, [], [], cancellation);
        var ids = new List<Guid>();
        await foreach (var profile in registry.All(filter, cancellation)) ids.Add(profile.Id);
        return await Invite(slug, [], ids, cancellation);
    }

    public Task<IActionResult> OnPostResendAsync(string slug, Guid invitationId, CancellationToken cancellation) =>
        Change(slug, invitationId, () => change.Handle(new ResendInvitation(invitationId, Caller), cancellation), "InvitationsResent", cancellation);

    public Task<IActionResult> OnPostRevokeAsync(string slug, Guid invitationId, CancellationToken cancellation) =>
        Change(slug, invitationId, () => change.Handle(new RevokeInvitation(invitationId, Caller), cancellation), "InvitationsRevoked", cancellation);

    private Caller Caller => CallerClaims.From(User)!;

    private RegistryFilter? Filter()
    {
        if (string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Field) && string.IsNullOrWhiteSpace(Association)) return null;
        var (filter, errors) = RegistryFilter.Parse(Field, null, null, Association, null, Q, registry.Fields);
        foreach (var (key, messages) in errors)
            foreach (var message in messages) ModelState.AddModelError(key == "text" ? nameof(Q) : char.ToUpperInvariant(key[0]) + key[1..], message);
        return filter;
    }

    private static List<string> SplitAddresses(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private async Task<IActionResult> Invite(string slug, List<string> emails, List<Guid> profileIds, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        var outcome = await invite.Handle(new InvitePeople(found.Id, SessionId, new Invitees(null), emails, profileIds, Caller, RequestLanguage.Current), cancellation);
        if (outcome.Decision is null) return NotFound();
        if (outcome.Decision.Accepted)
        {
            TempData["Message"] = texts["InvitationsSent"].Value;
            if (outcome.Decision.Warnings.Count > 0) TempData["Warning"] = string.Join(" ", outcome.Decision.Warnings);
            return Redirect($"/consultations/{found.Slug}/manage/invitations");
        }
        Refusal = outcome.Decision.Errors.Count == 0 ? outcome.Decision.Reason : null;
        ModelState.AddDecisionErrors(outcome.Decision, reasonKey: null);
        await Load(slug, cancellation);
        return Page();
    }

    private async Task<IActionResult> Change(string slug, Guid invitationId, Func<Task<InvitationOutcome>> command, string done, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        var listed = await invitations.Of(found.Id, Caller, cancellation);
        if (listed?.Invitations.Any(i => i.Id == invitationId) != true) return NotFound();
        var outcome = await command();
        if (outcome.Decision.Accepted)
        {
            TempData["Message"] = texts[done].Value;
            return Redirect($"/consultations/{found.Slug}/manage/invitations");
        }
        Refusal = outcome.Decision.Reason;
        await Load(slug, cancellation);
        return Page();
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return false;
        Consultation = found;
        List = (await invitations.Of(found.Id, Caller, cancellation))!;
        Sessions = await invitations.Sessions(found.Id, cancellation);
        OpenAssociations = [.. (await associations.All(cancellation)).Where(a => !a.Retired)];
        if (Filter() is { } filter) Found = await registry.Search(filter, 1, ResultsShown, cancellation);
        return true;
    }
}
