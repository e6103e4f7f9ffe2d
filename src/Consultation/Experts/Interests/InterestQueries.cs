using Marten;

namespace Nq45Consult.Consultation.Experts.Interests;

/// <summary>Conflict-of-interest declarations: all of a consultation's (reviewers) or the caller's own.</summary>
public sealed class InterestQueries(IDocumentStore store)
{
    public async Task<IReadOnlyList<InterestDeclaration>> Declarations(Guid consultationId, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<InterestDeclaration>().Where(d => d.ConsultationId == consultationId).OrderBy(d => d.DeclaredAt).ToListAsync(cancellation);
    }

    /// <summary>The person's own declarations, latest first.</summary>
    public async Task<IReadOnlyList<InterestDeclaration>> Mine(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var normalized = userName.Trim().ToUpperInvariant();
        return await session.Query<InterestDeclaration>().Where(d => d.NormalizedUserName == normalized).OrderByDescending(d => d.DeclaredAt).ToListAsync(cancellation);
    }

    public async Task<InterestDeclaration?> Declaration(Guid consultationId, string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<InterestDeclaration>(InterestDeclaration.IdOf(consultationId, userName), cancellation);
    }
}
