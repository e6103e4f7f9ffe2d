using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Accounts.Querying;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Pages.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Admin.Users;

/// <summary>
/// /admin/users/{userName}: one account, its roles (checkboxes), its agency, deactivation or reactivation, password reset and
/// audit history. Each form posts to its handler; a refusal is shown on the page, a generated password once.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class DetailModel(
    AccountQueries users, ChangeRolesHandler changeRoles, DeactivateAccountHandler deactivate, ReactivateAccountHandler reactivate,
    ResetPasswordHandler reset, AssignAgencyHandler assignAgency, AgencyQueries agencyList, IOptions<AuthOptions> auth,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    [FromRoute] public string UserName { get; set; } = "";

    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool MustChange { get; set; } = true;
    [BindProperty] public Guid? AgencyId { get; set; }

    public Consultation.Accounts.Account? Account { get; private set; }
    public IReadOnlyList<AccountHistoryEntry> History { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string? TemporaryPassword { get; private set; }

    /// <summary>Every agency, retired ones included (the account may still name one).</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>In Entra ID mode roles and passwords belong to the identity provider.</summary>
    public bool EntraId => auth.Value.IsEntraId;

    private string Actor => CallerClaims.From(User)!.UserName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await Load(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync(CancellationToken cancellation) =>
        Answer(() => changeRoles.Handle(new ChangeRoles(UserName, Roles, Actor), cancellation), "UserRolesSaved", cancellation);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellation) =>
        Answer(() => deactivate.Handle(new DeactivateAccount(UserName, Reason, Actor), cancellation), "UserDeactivated", cancellation);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellation) =>
        Answer(() => reactivate.Handle(new ReactivateAccount(UserName, Actor), cancellation), "UserReactivated", cancellation);

    public Task<IActionResult> OnPostAgencyAsync(CancellationToken cancellation) =>
        Answer(() => assignAgency.Handle(new AssignAgency(UserName, AgencyId, Actor), cancellation), "UserAgencySaved", cancellation);

    public Task<IActionResult> OnPostResetAsync(CancellationToken cancellation) =>
        Answer(() => reset.Handle(new ResetPassword(UserName, Password, string.IsNullOrEmpty(Password) ? null : MustChange, Actor), cancellation),
            "UserPasswordReset", cancellation);

    /// <summary>Runs the command (only once the mode allows its handler) and shows its outcome.</summary>
    private async Task<IActionResult> Answer(Func<Task<AccountOutcome>> command, string doneKey, CancellationToken cancellation)
    {
        if (EntraId && Request.Query["handler"] is ["Roles" or "Reset"]) return NotFound();
        var outcome = await command();
        if (outcome.Decision is null) return NotFound();
        if (outcome.ActorRefused) return Forbid();
        Password = null;
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision, reasonKey: null);
            Refusal = outcome.Decision.Errors.Count == 0 ? outcome.Decision.Reason : null;
            await Load(cancellation);
            return Page();
        }
        if (outcome.TemporaryPassword is { } temporary)
        {
            // Shown on this answer only: never stored, never put in a redirect.
            TemporaryPassword = temporary;
            await Load(cancellation);
            return Page();
        }
        TempData["Message"] = texts[doneKey].Value;
        return RedirectToPage(new { UserName });
    }

    private async Task<bool> Load(CancellationToken cancellation)
    {
        Account = await users.Find(UserName, cancellation);
        History = await users.History(UserName, cancellation) ?? [];
        Agencies = await agencyList.All(cancellation);
        return Account is not null;
    }
}
