using Marten;

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>
/// What every handler that changes an existing recommendation does (moderate, route, answer): load it for writing
/// (optimistic concurrency), decide (with null when there is none, so the caller's role is judged first), append, save.
/// </summary>
internal static class RecommendationChange
{
    public static string NotFound => DomainText.RecommendationNotFound;

    public static async Task<Decision> Run(IDocumentStore store, Guid id, Func<Recommendation?, Decision> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // No stream has the empty id (a form posted without one): Marten would refuse to read it rather than find nothing.
        if (id == Guid.Empty) return decide(null);
        var stream = await session.Events.FetchForWriting<Recommendation>(id, cancellation);
        var decision = decide(stream.Aggregate);
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
