using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Editing;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Invitations;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// /consultations/{slug}/manage: edit details, open, close, invite (by name or from the expert registry), see who
/// answered, read the history. Each form runs the same handler as the API and shows its refusal.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class ManageModel(
    ConsultationQueries queries, EditConsultationDetailsHandler edit, OpenConsultationHandler open, CloseConsultationHandler close,
    InviteFromRegistryHandler invite, InvitationResponses responses, AssociationQueries associations, SavedFilterQueries savedFilters, AgencyQueries agencyList,
    IOptions<ConsultationOptions> options, TimeProvider time, IStringLocalizer<SharedResource> texts) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<string> AllowedFields => options.Value.AllowedFields;

    /// <summary>Why the last action was refused (409), shown as one message.</summary>
    public string? Refusal { get; private set; }

    [BindProperty] public ConsultationForm Form { get; set; } = new();

    /// <summary>User names separated by commas, spaces or new lines.</summary>
    [BindProperty] public string? UserNames { get; set; }

    /// <summary>Invite from the registry: experts with one of these fields, in one of these associations or matching one of these saved filters.</summary>
    [BindProperty] public List<string> Fields { get; set; } = [];
    [BindProperty] public List<string> Associations { get; set; } = [];
    [BindProperty] public List<string> SavedFilters { get; set; } = [];

    public IReadOnlyList<MemberAssociation> OpenAssociations { get; private set; } = [];

    /// <summary>The agencies the details form offers as the drafting agency.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<SavedFilter> CurrentFilters { get; private set; } = [];

    /// <summary>Invited experts, and how much each has answered.</summary>
    public IReadOnlyList<InvitationResponse> Invited { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        Form = ConsultationForm.Of(Consultation);
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(string slug, CancellationToken cancellation) =>
        Run(slug, id => edit.Handle(new(id, Form.ToInput(), Caller), cancellation), texts["ManageSaved"], "Form.", cancellation);

    public Task<IActionResult> OnPostOpenAsync(string slug, CancellationToken cancellation) =>
        Run(slug, id => open.Handle(new(id, Caller), cancellation), texts["ManageOpened"], "", cancellation);

    public Task<IActionResult> OnPostCloseAsync(string slug, CancellationToken cancellation) =>
        Run(slug, id => close.Handle(new(id, Caller), cancellation), texts["ManageClosed"], "", cancellation);

    public Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken cancellation) =>
        Run(slug, id => invite.Handle(new InviteFromRegistry(id, new Invitees(SplitNames(UserNames), Fields, Associations, SavedFilters), Caller), cancellation),
            texts["InvitationsSent"], "", cancellation);

    /// <summary>The page requires the moderate permission, so there is always a signed-in caller.</summary>
    private Caller Caller => CallerClaims.From(User)!;

    private static List<string> SplitNames(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Runs the command; accepted → back to this page with a message, refused → this page with the errors.</summary>
    private async Task<IActionResult> Run(string slug, Func<Guid, Task<CommandOutcome>> command, string done, string prefix, CancellationToken cancellation)
    {
        var found = await queries.Find(slug, cancellation);
        if (found is null) return NotFound();
        var outcome = await command(found.Id);
        if (outcome.Decision is null) return NotFound();
        if (outcome.Decision.Accepted)
        {
            TempData["Message"] = done;
            if (outcome.Decision.Warnings.Count > 0) TempData["Warning"] = string.Join(" ", outcome.Decision.Warnings);
            return Redirect($"/consultations/{found.Slug}/manage");
        }
        Refusal = outcome.Decision.Errors.Count == 0 ? outcome.Decision.Reason : null;
        ModelState.AddDecisionErrors(outcome.Decision, prefix, reasonKey: null);
        await Load(slug, cancellation);
        if (prefix.Length == 0) Form = ConsultationForm.Of(Consultation);
        return Page();
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        var found = await queries.Find(slug, cancellation);
        if (found is null) return false;
        (Consultation, Now) = (found, time.GetUtcNow());
        History = await queries.History(found.Id, cancellation);
        Invited = await responses.Of(found.Id, cancellation);
        OpenAssociations = [.. (await associations.All(cancellation)).Where(a => !a.Retired)];
        CurrentFilters = [.. (await savedFilters.All(cancellation)).Where(f => !f.Retired)];
        Agencies = await agencyList.All(cancellation);
        return true;
    }
}
