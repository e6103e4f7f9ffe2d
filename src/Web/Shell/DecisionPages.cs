using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nq45Consult.Web.Shell;

/// <summary>The one answer of a page form to its handler's decision.</summary>
public static class DecisionPages
{
    /// <summary>
    /// Accepted: <paramref name="accepted"/> (post, redirect, get). Refused for the caller's role: "denied"; an object the caller
    /// may not see: 404. Any other refusal: the page again, reloaded by <paramref name="reload"/>, with <paramref name="show"/>
    /// having put the reason on it.
    /// </summary>
    public static async Task<IActionResult> Answer(
        this PageModel page, Decision decision, Func<IActionResult> accepted, Action<Decision> show, Func<Task> reload)
    {
        switch (decision.Refusal)
        {
            case null:
                return accepted();
            case Refusal.Forbidden:
                return page.Forbid();
            case Refusal.NotFound:
                return page.NotFound();
            default:
                show(decision);
                await reload();
                return page.Page();
        }
    }
}
