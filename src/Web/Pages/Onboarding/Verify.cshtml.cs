using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Onboarding.Verifying;
using Nq45Consult.Web.Limits;

namespace Nq45Consult.Web.Pages.Onboarding;

/// <summary>
/// /account/verify?token=…: the page the sign-up e-mail links to. Opening it uses nothing (mail scanners open links);
/// its button verifies the address with the same handler as <c>POST /api/auth/verify</c>. Every unusable token gets one answer.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class VerifyModel(SignUpQueries queries, VerifySignUpHandler verify) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The token would verify a request: the page offers its button.</summary>
    public bool Usable { get; private set; }

    /// <summary>Verified just now: the page says what happens next.</summary>
    public bool Verified { get; private set; }

    /// <summary>Any refusal but an unusable token (the user name taken meanwhile).</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => Usable = await queries.CanVerify(Token, cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var decision = await verify.Handle(new VerifySignUp(Token), cancellation);
        Verified = decision.Accepted;
        if (!decision.Accepted && !decision.Errors.ContainsKey("token")) Problem = decision.Reason;
        return Page();
    }
}
