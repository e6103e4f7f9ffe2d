using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Invitations.Accepting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// /account/invitation?token=…: the page an invitation's e-mail links to. Showing it notes the invitation opened and
/// never uses the link; the form creates the account (the same handler as <c>POST /api/auth/invitations/accept</c>),
/// signs the person in and takes them to what they were invited to.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class InvitationModel(OpenInvitationHandler open, AcceptInvitationHandler accept, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty] public string? FullName { get; set; }

    [BindProperty] public string? UserName { get; set; }

    [BindProperty] public string? Password { get; set; }

    /// <summary>"yes" or "no": an answer must be chosen, neither is pre-selected.</summary>
    [BindProperty] public string? ConsentToAppearByName { get; set; }

    [BindProperty] public bool AcceptTerms { get; set; }

    /// <summary>The invitation of a usable link; null shows the one answer to every unusable link.</summary>
    public InvitationView? Invitation { get; private set; }

    public bool EntraId => auth.Value.IsEntraId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Invitation = await open.Handle(new OpenInvitation(Token), cancellation);
        FullName = Invitation?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (EntraId) return await OnGetAsync(cancellation);
        bool? consent = ConsentToAppearByName switch { "yes" => true, "no" => false, _ => null };
        var outcome = await accept.Handle(new AcceptInvitation(Token, UserName, Password, FullName, consent, AcceptTerms), cancellation);
        if (outcome.Account is not null)
        {
            await HttpContext.SignInAsync(AuthSchemes.Cookie, CallerClaims.PrincipalOf(outcome.Account, AuthSchemes.Cookie));
            return LocalRedirect(outcome.Landing!);
        }
        Password = null;
        if (outcome.Decision.Errors.ContainsKey("token")) return Page();
        ModelState.AddDecisionErrors(outcome.Decision);
        Invitation = await open.Handle(new OpenInvitation(Token), cancellation);
        return Page();
    }
}
