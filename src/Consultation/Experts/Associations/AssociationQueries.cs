using Marten;

namespace Nq45Consult.Consultation.Experts.Associations;

/// <summary>The member associations, retired ones included (the caller decides whether to offer them).</summary>
public sealed class AssociationQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<MemberAssociation>> All(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await All(session, cancellation);
    }

    internal static async Task<IReadOnlyList<MemberAssociation>> All(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<MemberAssociation>().OrderBy(a => a.NormalizedName).ToListAsync(cancellation);

    internal static async Task<HashSet<Guid>> OpenIds(IQuerySession session, CancellationToken cancellation) =>
        [.. (await All(session, cancellation)).Where(a => !a.Retired).Select(a => a.Id)];
}
