using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.SigningIn;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Pages.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// /account/password: the person chooses a new password; sign-in with a temporary one lands here first. The new
/// password ends the person's other sessions; this one goes on with a new cookie. A wrong current password counts
/// toward the lock-out like a failed sign-in.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class PasswordModel(ChangeOwnPasswordHandler changePassword, IOptions<AuthOptions> auth, IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => auth.Value.IsEntraId ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId || !Guid.TryParse(User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return NotFound();
        if (NewPassword != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), texts["PasswordMismatch"].Value);
        var outcome = ModelState.IsValid ? await changePassword.Handle(new ChangeOwnPassword(id, CurrentPassword, NewPassword), cancellation) : null;
        (CurrentPassword, NewPassword, ConfirmPassword) = (null, null, null);
        if (outcome is not { Decision.Accepted: true })
        {
            if (outcome is not null) ModelState.AddDecisionErrors(outcome.Decision);
            return Page();
        }
        await HttpContext.SignInAsync(AuthSchemes.Cookie, CallerClaims.PrincipalOf(outcome.Account, AuthSchemes.Cookie));
        TempData["Message"] = texts["PasswordChanged"].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/me");
    }
}
