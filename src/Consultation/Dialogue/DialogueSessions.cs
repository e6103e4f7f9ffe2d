using System.Collections.Concurrent;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue.Scheduling;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>What became of an action: the decision, the session after it (null: no such session), the stored changes.</summary>
public sealed record DialogueOutcome(DialogueDecision Decision, DialogueSession? Session, IReadOnlyList<Change> Changes)
{
    public static readonly DialogueOutcome NoSession = new(DialogueDecision.NotFound("Không tìm thấy phiên đối thoại."), null, []);
}

/// <summary>
/// Runs the decide functions of sessions against their streams. Writes to one session are serialised
/// in this process by a per-session gate, and its state is kept in memory (no replay per action);
/// across processes, each append states the stream version it expects, so a node whose state is behind
/// gets Marten's concurrency error, catches up from the stream and decides again. The changes are
/// handed to <c>publish</c> after they are stored and before the gate opens, so one node broadcasts
/// a session's changes in stream order.
/// </summary>
public sealed class DialogueSessions(IDocumentStore store, TimeProvider time, IOptions<DialogueOptions> options)
{
    private readonly ConcurrentDictionary<Guid, Line> lines = new();

    public DialogueOptions Options => options.Value;

    public async Task<DialogueOutcome> Schedule(ScheduleSession command, Participant actor, CancellationToken cancellation = default)
    {
        var decision = ScheduleSession.Decide(command, actor, Options, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null, []);
        await using var session = store.LightweightSession();
        session.Events.StartStream<DialogueSession>(command.SessionId, decision.Events);
        await session.SaveChangesAsync(cancellation);
        var changes = Change.OfStream(decision.Events);
        return new(decision, changes[^1].After, changes);
    }

    /// <summary>Decides against the session's current state, stores what was decided, then publishes it.</summary>
    public async Task<DialogueOutcome> Execute(
        Guid id, Func<DialogueSession, DateTimeOffset, DialogueDecision> decide,
        Func<IReadOnlyList<Change>, Task>? publish = null, CancellationToken cancellation = default)
    {
        var line = lines.GetOrAdd(id, _ => new Line());
        await line.Gate.WaitAsync(cancellation);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var state = line.State ?? await CatchUp(line, id, cancellation);
                if (state is null) return DialogueOutcome.NoSession;
                var decision = decide(state, time.GetUtcNow());
                if (!decision.Accepted || decision.Events.Count == 0) return new(decision, state, []);
                var changes = Change.Of(state, decision.Events);
                try
                {
                    await using var session = store.LightweightSession();
                    session.Events.Append(id, changes[^1].Seq, [.. decision.Events]);
                    await session.SaveChangesAsync(cancellation);
                }
                catch (ConcurrencyException) when (attempt < Options.ConcurrencyRetries)
                {
                    // Two nodes that keep colliding would otherwise retry in lockstep: a short random
                    // pause lets one of them win.
                    await Task.Delay(Random.Shared.Next(1, 5 * (attempt + 1)), cancellation);
                    await CatchUp(line, id, cancellation);
                    continue;
                }
                line.State = changes[^1].After;
                if (publish is not null) await publish(changes);
                return new(decision, line.State, changes);
            }
        }
        finally
        {
            line.Gate.Release();
        }
    }

    /// <summary>The session as stored now (another node may have written since this one last looked).</summary>
    public async Task<DialogueSession?> Current(Guid id, CancellationToken cancellation = default)
    {
        var line = lines.GetOrAdd(id, _ => new Line());
        await line.Gate.WaitAsync(cancellation);
        try
        {
            return await CatchUp(line, id, cancellation);
        }
        finally
        {
            line.Gate.Release();
        }
    }

    /// <summary>Every change after <paramref name="afterSeq"/>, each with the state right after it.</summary>
    public async Task<IReadOnlyList<Change>?> Since(Guid id, long afterSeq, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0) return null;
        return [.. Change.OfStream([.. events.Select(e => e.Data)]).Where(c => c.Seq > afterSeq)];
    }

    private async Task<DialogueSession?> CatchUp(Line line, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var known = line.State;
        var events = await session.Events.FetchStreamAsync(id, fromVersion: (known?.Version ?? 0) + 1, token: cancellation);
        var data = events.Select(e => e.Data).ToList();
        line.State = known is null ? DialogueSession.Fold(data) : Change.Of(known, data).LastOrDefault()?.After ?? known;
        return line.State;
    }

    private sealed class Line
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DialogueSession? State;
    }
}
