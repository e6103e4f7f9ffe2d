using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// /account/reset?token=…: the page a "forgot password" e-mail links to. Showing it never uses the link; the form sets
/// the new password (the same handler as <c>POST /api/auth/password-reset/complete</c>), which ends every session of
/// the account, and the person then signs in with it.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetModel(
    PasswordResetLinks links, CompletePasswordResetHandler complete, IOptions<AuthOptions> auth, IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>False shows the one answer to every unusable link (unknown, used, expired).</summary>
    public bool Usable { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        Usable = await links.IsUsable(Token, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        Usable = true;
        if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), texts["ResetMismatch"]);
        var decision = ModelState.IsValid ? await complete.Handle(new CompletePasswordReset(Token, Password), cancellation) : null;
        (Password, ConfirmPassword) = (null, null);
        if (decision is { Accepted: true }) Done = true;
        else if (decision?.Errors.ContainsKey("token") == true) Usable = false;
        else if (decision is not null) ModelState.AddDecisionErrors(decision);
        return Page();
    }
}
