using Marten;

namespace Nq45Consult.Consultation.Indicators;

/// <summary>
/// What the handlers that change an existing indicator do (change, retire): load it for writing (optimistic concurrency)
/// with every indicator for the name rule, decide (with null when there is none, so the caller's role is judged first),
/// append, save.
/// </summary>
internal static class IndicatorChange
{
    public static async Task<IndicatorOutcome> Run(
        IDocumentStore store, Guid id, Func<Indicator?, IReadOnlyList<Indicator>, Decision> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var all = await IndicatorQueries.All(session, cancellation);
        // No stream has the empty id: Marten would refuse to read it rather than find nothing.
        if (id == Guid.Empty) return new IndicatorOutcome(decide(null, all), null);
        var stream = await session.Events.FetchForWriting<Indicator>(id, cancellation);
        var decision = decide(stream.Aggregate, all);
        if (decision is not { Accepted: true, Events.Count: > 0 }) return new IndicatorOutcome(decision, decision.Accepted ? stream.Aggregate : null);
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new IndicatorOutcome(decision, await session.LoadAsync<Indicator>(id, cancellation));
    }
}

/// <summary>What a command on an indicator concluded, and the indicator as it now is when accepted.</summary>
public sealed record IndicatorOutcome(Decision Decision, Indicator? Indicator);
