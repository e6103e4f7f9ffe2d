using JasperFx;
using Marten;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// What the handlers that change existing minutes do (edit, finalise): load them for writing (optimistic concurrency,
/// so an edit racing the finalisation loses) with the council whose meeting the session is, if any, decide (with null
/// when there are none), append, save.
/// </summary>
internal static class MinutesChange
{
    public static async Task<Decision> Run(
        IDocumentStore store, IMeetingCouncils councils, Guid sessionId, Caller caller, Func<SessionMinutes?, MeetingCouncil?, Decision> decide,
        CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<SessionMinutes>(SessionMinutes.IdOf(sessionId), cancellation);
        var decision = decide(stream.Aggregate, await councils.Of(session, sessionId, caller, cancellation));
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return Decision.Conflict(DomainText.MinutesChangedElsewhere);
        }
        return decision;
    }
}
