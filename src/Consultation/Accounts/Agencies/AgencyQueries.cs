using Marten;

namespace Nq45Consult.Consultation.Accounts.Agencies;

/// <summary>The agencies, retired ones included (the caller decides whether to offer them). Their names are public.</summary>
public sealed class AgencyQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<Agency>> All(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await All(session, cancellation);
    }

    public async Task<Agency?> Find(Guid id, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Agency>(id, cancellation);
    }

    internal static async Task<IReadOnlyList<Agency>> All(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Agency>().OrderBy(a => a.NormalizedName).ToListAsync(cancellation);

    /// <summary>The active agency of that name, whatever its diacritics or case; null when there is none.</summary>
    public static async Task<Agency?> Named(IQuerySession session, string? name, CancellationToken cancellation)
    {
        var normalized = Agency.Normalize(name);
        if (normalized.Length == 0) return null;
        return (await All(session, cancellation)).FirstOrDefault(a => !a.Retired && a.NormalizedName == normalized);
    }
}
