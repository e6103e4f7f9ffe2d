using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Experts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>Charts of the registry with a table for each (the accessible equivalent), and progress against the targets.</summary>
[Authorize(Policy = Policies.ManageExperts)]
public sealed class StatsModel(ExpertStatisticsQuery statistics, ParticipationQuery participation, IStringLocalizer<SharedResource> texts) : PageModel
{
    public ExpertStatistics Stats { get; private set; } = null!;
    public IReadOnlyList<Participation> Participation { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Stats = await statistics.Compute(cancellation);
        Participation = await participation.All(cancellation);
    }

    /// <summary>
    /// A group's name in the page's language, from its key (the statistics name their groups in Vietnamese).
    /// Abbreviated titles (PGS, GS), fields and associations are names and stay as they are.
    /// </summary>
    public string GroupLabel(string chart, Count group) => (chart, group.Key) switch
    {
        ("degree", _) when KebabCase.TryParse<Degree>(group.Key, out var degree) => ExpertLabels.Of(texts, degree),
        ("title", "none") => texts["AcademicTitle_None"],
        ("association", "none") => texts["StatsNoAssociation"],
        ("province", _) => texts["StatsProvince-" + group.Key],
        ("field", _) => Consultations.ConsultationText.Field(texts, group.Label),
        _ => group.Label,
    };

    public string TargetLabel(TargetProgress target) => texts["StatsTargetLabel-" + target.Key];

    /// <summary>The unit after a figure: per cent as it is, people or enterprises in words.</summary>
    public string Unit(TargetProgress target) => target.Unit == "%" ? "%" : texts["StatsUnit-" + target.Key];
}
