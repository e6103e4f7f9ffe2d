using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.SigningIn;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Pages.Consultations;

namespace Nq45Consult.Web.Pages.Account;

/// <summary>/account/password: the person chooses a new password; sign-in with a temporary one lands here first.</summary>
[Authorize]
public sealed class PasswordModel(IDocumentSession session, IPasswordHasher hasher, TimeProvider time, IOptions<AuthOptions> auth) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => auth.Value.IsEntraId ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId || !Guid.TryParse(User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return NotFound();
        if (NewPassword != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "Hai lần nhập mật khẩu mới không khớp.");
        var decision = ModelState.IsValid ? await ChangeOwnPassword.HandleAsync(session, hasher, time, id, CurrentPassword, NewPassword, cancellation) : null;
        (CurrentPassword, NewPassword, ConfirmPassword) = (null, null, null);
        if (decision is not { Accepted: true })
        {
            if (decision is not null) ModelState.AddDecisionErrors(decision);
            return Page();
        }
        TempData["Message"] = "Đã đổi mật khẩu.";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/me");
    }
}
