using Marten;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Consultation.Indicators;

/// <summary>The indicators (retired ones included, flagged) and their snapshots, oldest first; read by staff of the registry only (the routes' policy).</summary>
public sealed class IndicatorQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<Indicator>> All(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await All(session, cancellation);
    }

    public async Task<IReadOnlyList<IndicatorSnapshot>> Snapshots(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<IndicatorSnapshot>().OrderBy(s => s.TakenAt).ToListAsync(cancellation);
    }

    internal static async Task<IReadOnlyList<Indicator>> All(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Indicator>().OrderBy(i => i.DefinedAt).ThenBy(i => i.Id).ToListAsync(cancellation);
}
