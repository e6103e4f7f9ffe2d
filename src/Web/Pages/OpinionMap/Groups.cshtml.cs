using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Reporting;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.OpinionMap;

/// <summary>For moderators: who each opinion group is, counted by field, degree and member association; never who its members are.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class GroupsModel(OpinionMapQueries queries) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<GroupProfile> Profiles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User)!;
        var (consultation, _) = await queries.Find(consultationId, caller, cancellation);
        if (consultation is null || await queries.GroupProfiles(consultationId, caller, cancellation) is not { } profiles) return NotFound();
        (Consultation, Profiles) = (consultation, profiles);
        return Page();
    }
}
