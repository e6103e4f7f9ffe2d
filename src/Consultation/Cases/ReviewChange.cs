using Marten;

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// What the review handlers share: load the case, find the caller's reviewer seat, load that seat's review stream for
/// writing (optimistic concurrency), decide, append, save. Without a seat there is no stream to load: the decision refuses.
/// </summary>
internal static class ReviewChange
{
    public static async Task<Decision> Run(
        IDocumentStore store, Guid caseId, Caller caller,
        Func<IQuerySession, CritiqueCase?, CaseReview?, Task<Decision>> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var found = caseId == Guid.Empty ? null : await session.LoadAsync<CritiqueCase>(caseId, cancellation);
        if (found is null || CaseReview.SeatOf(found, caller) is not { } seat) return await decide(session, found, null);
        var stream = await session.Events.FetchForWriting<CaseReview>(CaseReview.IdOf(found.Id, seat.MemberId), cancellation);
        var decision = await decide(session, found, stream.Aggregate);
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
