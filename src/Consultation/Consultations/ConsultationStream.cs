using Marten;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// The one writer of a consultation's stream, shared by the handlers of every capability that appends to it: load the
/// stream, decide, append, save, in one session; the inline projections are written in the same transaction.
/// </summary>
public sealed class ConsultationStream(IDocumentStore store, TimeProvider time)
{
    /// <summary>Applies a decide function to the consultation's current state, now.</summary>
    public Task<CommandOutcome> Append(Guid id, Func<ConsultationState, DateTimeOffset, Decision> decide, CancellationToken cancellation) =>
        AppendAt(id, time.GetUtcNow(), decide, cancellation);

    /// <summary>The same at a given time (a closing time reached by the clock rather than by a request).</summary>
    public async Task<CommandOutcome> AppendAt(Guid id, DateTimeOffset now, Func<ConsultationState, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(id, cancellation);
        if (stream.Aggregate is null) return CommandOutcome.NotFound;
        var decision = decide(stream.Aggregate, now);
        if (!decision.Accepted) return new(decision, null);
        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }
}
