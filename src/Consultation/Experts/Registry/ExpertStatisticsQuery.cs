using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Experts.Registry;

public sealed class ExpertStatisticsQuery(IDocumentStore store, IOptions<ConsultationOptions> consultation, IOptions<ExpertsOptions> experts)
{
    /// <summary>Counts over every profile; the registry of a province is small enough to count in memory from a narrow projection.</summary>
    public async Task<ExpertStatistics> Compute(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var rows = await session.Query<ExpertProfile>()
            .Select(x => new ExpertStatistics.Row(x.Degree, x.AcademicTitle, x.Fields, x.AssociationId, x.InProvince))
            .ToListAsync(cancellation);
        var associations = await AssociationQueries.All(session, cancellation);
        return ExpertStatistics.Of(rows, consultation.Value.AllowedFields, associations, experts.Value.Targets);
    }
}
