using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Pages.Consultations;

namespace Nq45Consult.Web.Pages.Admin.Users;

/// <summary>/admin/users/new: an admin creates a local account; a generated password is shown on the answer, once.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class NewModel(CreateAccountHandler create, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Password { get; set; }

    public Consultation.Accounts.Account? Created { get; private set; }
    public string? TemporaryPassword { get; private set; }

    public IReadOnlyCollection<Role> Chosen => [.. Roles.Select(r => Enum.TryParse<Role>(r, out var role) ? role : (Role?)null).OfType<Role>()];

    public bool EntraId => auth.Value.IsEntraId;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (EntraId) return NotFound();
        var outcome = await create.Handle(new CreateAccount(new NewAccount(UserName, DisplayName, Email, Roles, Password), CallerClaims.From(User)!.UserName), cancellation);
        if (outcome.Account is null)
        {
            ModelState.AddDecisionErrors(outcome.Decision!);
            Password = null;
            return Page();
        }
        Created = outcome.Account;
        TemporaryPassword = outcome.TemporaryPassword;
        return Page();
    }
}
