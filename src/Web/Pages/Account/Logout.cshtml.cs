using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>Signing out is a POST (anti-forgery checked); a GET only shows the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(IOptions<AuthOptions> auth) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var viaEntraId = auth.Value.IsEntraId || (auth.Value.IsBoth && SessionCheck.IsEntraIdSession(User));
        await HttpContext.SignOutAsync(AuthSchemes.Cookie);
        if (viaEntraId)
            return SignOut(new AuthenticationProperties { RedirectUri = "/" }, AuthSchemes.EntraSignIn);
        return LocalRedirect("/");
    }
}
