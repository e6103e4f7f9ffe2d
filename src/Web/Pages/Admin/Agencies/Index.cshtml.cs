using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Admin.Agencies;

/// <summary>
/// /admin/agencies: admins add, rename and retire the agencies (never delete them) through the handlers the API calls.
/// A refusal is shown next to its form.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(
    AgencyQueries agencyList, CreateAgencyHandler create, RenameAgencyHandler rename, RetireAgencyHandler retire,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The name typed for a new agency, or for the renamed one.</summary>
    [BindProperty] public string? Name { get; set; }

    /// <summary>The agency whose rename was refused: its form shows the error.</summary>
    public Guid? Refused { get; private set; }

    private string Actor => CallerClaims.From(User)!.UserName;

    public async Task OnGetAsync(CancellationToken cancellation) => Agencies = await agencyList.All(cancellation);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellation) =>
        await Answer(await create.Handle(new CreateAgency(Name, Actor), cancellation), null, "AgencyCreated", cancellation);

    public async Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken cancellation) =>
        await Answer(await rename.Handle(new RenameAgency(id, Name, Actor), cancellation), id, "AgencyRenamed", cancellation);

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellation) =>
        await Answer(await retire.Handle(new RetireAgency(id, Actor), cancellation), id, "AgencyRetiredNotice", cancellation);

    private async Task<IActionResult> Answer(ListEntryOutcome<Agency> outcome, Guid? id, string done, CancellationToken cancellation)
    {
        var (decision, agency) = outcome;
        if (decision is null) return NotFound();
        if (agency is null)
        {
            ModelState.AddDecisionErrors(decision, id is null ? "" : "Rename.");
            Refused = id;
            Agencies = await agencyList.All(cancellation);
            return Page();
        }
        TempData["Message"] = texts[done, agency.Name].Value;
        return RedirectToPage();
    }
}
