using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// /account/forgot: the person gives their address and is told the same thing whether or not an account has it (the
/// same handler as <c>POST /api/auth/password-reset</c>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ForgotModel(RequestPasswordResetHandler request, PasswordResetLimits limits, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    /// <summary>Too many requests for this address: when to try again, in the person's language.</summary>
    public string? Refused { get; private set; }

    public int Minutes => auth.Value.PasswordReset.LinkMinutes;

    public IActionResult OnGet() => auth.Value.IsEntraId ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        if (RequestPasswordReset.IsValidAddress(Email) && limits.Refusal(Email!) is { } retryAfter)
        {
            Refused = RateLimits.Refused(HttpContext, retryAfter);
            return Page();
        }
        var decision = await request.Handle(new RequestPasswordReset(Email, RequestLanguage.Current), cancellation);
        if (decision.Accepted) Sent = true;
        else ModelState.AddDecisionErrors(decision);
        return Page();
    }
}
