using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Standing;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages;

/// <summary>The home page: what is open now and what was answered lately, as the caller may see it.</summary>
public sealed class IndexModel(OpenNowQueries openNow, TimeProvider time) : PageModel
{
    public OpenNow OpenNow { get; private set; } = new([], [], [], []);

    public async Task OnGetAsync(CancellationToken cancellation) =>
        OpenNow = await openNow.Of(CallerClaims.From(User), time.GetUtcNow(), cancellation);
}
