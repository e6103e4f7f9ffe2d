using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>Charts of the registry with a table for each (the accessible equivalent), and progress against the targets.</summary>
[Authorize(Policy = Policies.ManageExperts)]
public sealed class StatsModel(IDocumentStore store, ExpertRegistry registry, IOptions<ExpertsOptions> options) : PageModel
{
    public ExpertStatistics Stats { get; private set; } = null!;
    public IReadOnlyList<Participation> Participation { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Stats = await ExpertStatistics.Compute(store, registry.Fields, options.Value.Targets, cancellation);
        Participation = await registry.Participation(cancellation);
    }
}
