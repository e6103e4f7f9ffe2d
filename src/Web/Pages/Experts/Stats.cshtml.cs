using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>Charts of the registry with a table for each (the accessible equivalent), and progress against the targets.</summary>
[Authorize(Policy = Policies.ManageExperts)]
public sealed class StatsModel(ExpertStatisticsQuery statistics, ParticipationQuery participation) : PageModel
{
    public ExpertStatistics Stats { get; private set; } = null!;
    public IReadOnlyList<Participation> Participation { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Stats = await statistics.Compute(cancellation);
        Participation = await participation.All(cancellation);
    }
}
