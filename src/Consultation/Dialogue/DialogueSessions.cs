using System.Collections.Concurrent;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>What became of an action: the decision, the session after it (null: no such session), the stored changes.</summary>
public sealed record DialogueOutcome(Decision Decision, DialogueSession? Session, IReadOnlyList<Change> Changes)
{
    public static readonly DialogueOutcome NoSession = new(Decision.NotFound("Không tìm thấy phiên đối thoại."), null, []);
}

/// <summary>
/// Runs the decide functions of sessions against their streams. Writes to one session are serialised
/// in this process, and its state is kept in memory (no replay per action). Actions that arrive while
/// a write is under way queue up and are committed together (group commit): the session's one drain
/// loop takes the queue, decides each action in turn against the state the earlier ones
/// left, and appends all their events in one transaction — each event still its own stream version,
/// so its own <c>seq</c>. Nobody learns the outcome before that commit. Across processes, each append
/// states the stream version it expects, so a node whose state is behind gets Marten's concurrency
/// error, catches up from the stream and decides the batch again. The changes are handed to each
/// action's <c>publish</c> after they are stored and before the next batch is taken, so one node broadcasts a
/// session's changes in stream order.
/// </summary>
public sealed class DialogueSessions(IDocumentStore store, TimeProvider time, IOptions<DialogueOptions> options)
{
    /// <summary>Most actions committed in one transaction; a longer queue is taken in several.</summary>
    private const int MaxBatch = 1000;

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
    public Task<DialogueOutcome> Execute(
        Guid id, Func<DialogueSession, DateTimeOffset, Decision> decide,
        Func<IReadOnlyList<Change>, Task>? publish = null, CancellationToken cancellation = default) =>
        Enqueue(id, new Action(decide, publish, CatchUpFirst: false), cancellation);

    /// <summary>The session as stored now (another node may have written since this one last looked).</summary>
    public async Task<DialogueSession?> Current(Guid id, CancellationToken cancellation = default) =>
        (await Enqueue(id, new Action((_, _) => Decision.Nothing, null, CatchUpFirst: true), cancellation)).Session;

    /// <summary>
    /// What this node last knew of the session, without asking the database unless it knows nothing;
    /// enough for what never changes (its consultation, title), not for a snapshot.
    /// </summary>
    public async Task<DialogueSession?> Known(Guid id, CancellationToken cancellation = default) =>
        lines.TryGetValue(id, out var line) && line.State is { } state ? state : await Current(id, cancellation);

    /// <summary>Every change after <paramref name="afterSeq"/>, each with the state right after it (<see cref="Change.AsOf"/>: hidden messages hidden).</summary>
    public async Task<IReadOnlyList<Change>?> Since(Guid id, long afterSeq, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0) return null;
        var changes = Change.OfStream([.. events.Select(e => e.Data)]);
        return [.. changes.Where(c => c.Seq > afterSeq).Select(c => c.AsOf(changes[^1].After))];
    }

    private Task<DialogueOutcome> Enqueue(Guid id, Action action, CancellationToken cancellation) =>
        lines.GetOrAdd(id, key =>
        {
            var line = new Line();
            line.Commits = new(batch => Commit(line, key, batch), MaxBatch);
            return line;
        }).Commits.Enqueue(action, cancellation);

    /// <summary>Decides and stores a batch of queued actions together, publishes their changes in order, then gives each its outcome.</summary>
    private async Task<IReadOnlyList<Task<DialogueOutcome>>> Commit(Line line, Guid id, IReadOnlyList<Action> batch)
    {
        var outcomes = await Decide(line, id, batch);
        if (outcomes is null) return [.. batch.Select(_ => Task.FromResult(DialogueOutcome.NoSession))];
        for (var i = 0; i < batch.Count; i++)
            if (batch[i].Publish is { } publish && outcomes[i].Changes.Count > 0) await publish(outcomes[i].Changes);
        return [.. outcomes.Select(Task.FromResult)];
    }

    /// <summary>Each action's outcome once all their events are stored; null when there is no such session.</summary>
    private async Task<IReadOnlyList<DialogueOutcome>?> Decide(Line line, Guid id, IReadOnlyList<Action> batch)
    {
        var caughtUp = false;
        for (var attempt = 0; ; attempt++)
        {
            var state = line.State is null || (!caughtUp && batch.Any(a => a.CatchUpFirst)) ? await CatchUp(line, id) : line.State;
            caughtUp = true;
            if (state is null) return null;
            var outcomes = new List<DialogueOutcome>(batch.Count);
            var events = new List<object>();
            foreach (var action in batch)
            {
                var decision = action.Decide(state, time.GetUtcNow());
                var changes = decision.Accepted ? Change.Of(state, decision.Events) : [];
                if (changes.Count > 0) state = changes[^1].After;
                events.AddRange(changes.Select(c => c.Event));
                outcomes.Add(new(decision, state, changes));
            }
            if (events.Count == 0) return outcomes;
            try
            {
                await using var session = store.LightweightSession();
                session.Events.Append(id, state.Version, [.. events]);
                await session.SaveChangesAsync();
            }
            catch (ConcurrencyException) when (attempt < Options.ConcurrencyRetries)
            {
                // Two nodes that keep colliding would otherwise retry in lockstep: a short random
                // pause lets one of them win.
                await Task.Delay(Random.Shared.Next(1, 5 * (attempt + 1)));
                await CatchUp(line, id);
                continue;
            }
            line.State = state;
            return outcomes;
        }
    }

    private async Task<DialogueSession?> CatchUp(Line line, Guid id)
    {
        await using var session = store.QuerySession();
        var known = line.State;
        var events = await session.Events.FetchStreamAsync(id, fromVersion: (known?.Version ?? 0) + 1);
        var data = events.Select(e => e.Data).ToList();
        line.State = known is null ? DialogueSession.Fold(data) : Change.Of(known, data).LastOrDefault()?.After ?? known;
        return line.State;
    }

    /// <summary>One queued action; <see cref="CatchUpFirst"/>: it needs what other nodes stored, not just this node's state.</summary>
    private sealed record Action(
        Func<DialogueSession, DateTimeOffset, Decision> Decide, Func<IReadOnlyList<Change>, Task>? Publish, bool CatchUpFirst);

    /// <summary>A session's queue of actions and what this node knows of its state; only the queue's drain loop touches the state.</summary>
    private sealed class Line
    {
        public GroupCommit<Action, DialogueOutcome> Commits = null!;
        public DialogueSession? State;
    }
}
