using Marten;

namespace Nq45Consult.Consultation.Experts.SavedFilters;

/// <summary>The saved registry filters, retired ones included (the caller decides whether to offer them).</summary>
public sealed class SavedFilterQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<SavedFilter>> All(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await All(session, cancellation);
    }

    internal static async Task<IReadOnlyList<SavedFilter>> All(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<SavedFilter>().OrderBy(f => f.NormalizedName).ToListAsync(cancellation);
}
