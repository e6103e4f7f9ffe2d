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
using Nq45Consult.Web.Resources;
using SignInUseCase = Nq45Consult.Consultation.Accounts.SigningIn.SignIn;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>
/// Cookie sign-in for pages (local mode); in Entra ID mode it hands over to Microsoft's sign-in; with both, it offers
/// the local form and a button that hands over to Microsoft's.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(
    SignInHandler signIn, SignInLimits limits,
    IOptions<AuthOptions> auth, IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty] public string? UserName { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    /// <summary>Too many attempts for this user name: when to try again, in the person's language.</summary>
    public string? Refused { get; private set; }

    /// <summary>Local accounts: people without one may sign up (Entra ID mode never shows this page).</summary>
    public bool SignUpOffered => !auth.Value.IsEntraId;

    /// <summary><c>Auth:Mode</c> <c>Both</c>: staff sign in with Entra ID from this page.</summary>
    public bool EntraIdOffered => auth.Value.IsBoth;

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => auth.Value.IsEntraId ? EntraIdSignIn() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (auth.Value.IsEntraId) return EntraIdSignIn();
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), texts["LoginUserNameRequired"]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), texts["LoginPasswordRequired"]);
        if (!ModelState.IsValid) return Page();
        if (limits.Refusal(UserName!) is { } retryAfter)
        {
            Refused = RateLimits.Refused(HttpContext, retryAfter);
            Password = null;
            return Page();
        }

        var result = await signIn.Handle(new SignInUseCase(UserName!, Password!), cancellationToken);
        if (result.Account is null)
        {
            Failed = true;
            Password = null;
            return Page();
        }
        await HttpContext.SignInAsync(AuthSchemes.Cookie, CallerClaims.PrincipalOf(result.Account, AuthSchemes.Cookie));
        // A temporary password set by an admin: the person chooses their own before going on.
        if (result.Account.MustChangePassword) return LocalRedirect($"/account/password?returnUrl={Uri.EscapeDataString(SafeReturnUrl)}");
        return LocalRedirect(SafeReturnUrl);
    }

    public IActionResult OnPostEntraId() => auth.Value.IsBoth ? EntraIdSignIn() : NotFound();

    private ChallengeResult EntraIdSignIn() =>
        Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, AuthSchemes.EntraSignIn);
}
