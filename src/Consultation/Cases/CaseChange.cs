using Marten;

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// What every handler that changes an existing case does: load it for writing (optimistic concurrency), decide (with
/// null when there is none, so the caller's role is judged first), append, and let the use case add what the events
/// cause (notifications) to the same unit of work, then save.
/// </summary>
internal static class CaseChange
{
    public static async Task<Decision> Run(
        IDocumentStore store, Guid id, Func<IDocumentSession, CritiqueCase?, Task<Decision>> decide, CancellationToken cancellation,
        Func<IDocumentSession, CritiqueCase, Decision, Task>? caused = null)
    {
        await using var session = store.LightweightSession();
        // No stream has the empty id (a form posted without one): Marten would refuse to read it rather than find nothing.
        if (id == Guid.Empty) return await decide(session, null);
        var stream = await session.Events.FetchForWriting<CritiqueCase>(id, cancellation);
        var decision = await decide(session, stream.Aggregate);
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        if (caused is not null) await caused(session, stream.Aggregate!, decision);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }

    /// <summary>A case the caller may not see answers as one that does not exist: no one learns of it by its id.</summary>
    public static Decision? Unseen(CritiqueCase? found, Caller caller) =>
        found is null || !found.IsVisibleTo(caller) ? Decision.NotFound(DomainText.CaseNotFound) : null;
}
