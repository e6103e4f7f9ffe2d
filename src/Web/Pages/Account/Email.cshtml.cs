using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.ChangingEmail;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// /account/email?token=…: the page the link sent to a new address opens. Showing it never uses the link (mail
/// scanners open links too); its button makes the address the account's, through the handler of
/// <c>POST /api/me/email/confirm</c>. The token is the proof, so no session is needed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class EmailModel(EmailChangeLinks links, ConfirmEmailChangeHandler confirm, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The address the link would confirm; null shows the one answer to every unusable link.</summary>
    public string? Address { get; private set; }

    public bool Done { get; private set; }

    /// <summary>A usable link refused: the address belongs to another account by now.</summary>
    public bool Taken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        Address = await links.PendingAddress(Token, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        Address = await links.PendingAddress(Token, cancellation);
        var decision = await confirm.Handle(new ConfirmEmailChange(Token), cancellation);
        if (decision.Accepted) Done = true;
        else if (decision.Errors.ContainsKey("token")) Address = null;
        else Taken = true;
        return Page();
    }
}
