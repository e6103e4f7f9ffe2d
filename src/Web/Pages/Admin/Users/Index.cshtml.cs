using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Querying;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Admin.Users;

/// <summary>/admin/users: the accounts, searched by text and filtered by role and state.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(AccountQueries users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Role? Role { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Active { get; set; }

    public IReadOnlyList<Consultation.Accounts.Account> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Found = await users.List(new AccountFilter(Q, Role, Active), cancellation);
}
