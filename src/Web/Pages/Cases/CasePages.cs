using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Cases;

/// <summary>
/// What the case pages share: a form calls its handler; a refusal for the caller's role is a sign-in or "denied" answer,
/// an unknown case 404, others show on the page; an accepted one is a message after a redirect (post, redirect, get).
/// </summary>
public abstract class CasePage(IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller? Reader => CallerClaims.From(User);

    [TempData]
    public string? Message { get; set; }

    protected abstract Task Load(CancellationToken cancellation);

    protected async Task<IActionResult> Act(Func<Caller, Task<Decision>> handle, string done, CancellationToken cancellation, Func<IActionResult>? next = null)
    {
        if (Reader is not { } caller) return Challenge();
        var decision = await handle(caller);
        return await this.Answer(decision, () =>
        {
            Message = text[done];
            return next?.Invoke() ?? RedirectToPage();
        }, refused => ModelState.AddDecisionErrors(refused), () => Load(cancellation));
    }
}
