using System.Collections.Concurrent;
using System.Globalization;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// Runs the decide functions of the live use cases' handlers against the sessions' streams. Writes to one
/// session are serialised in this process, and its state is kept in memory (no replay per command). Commands
/// that arrive while a write is under way queue up and are committed together (group commit): the session's
/// one drain loop takes the queue, decides each command in turn against the state the earlier ones
/// left, and appends all their events in one transaction — each event still its own stream version,
/// so its own <c>seq</c>. Nobody learns the outcome before that commit. Across processes, each append
/// states the stream version it expects, so a node whose state is behind gets Marten's concurrency
/// error, catches up from the stream and decides the batch again; a batch with a refusal is decided again
/// against the stream before anyone is refused. The batch's changes are handed to the
/// <see cref="ISessionCommitListener"/>s after they are stored and before the next batch is taken, so one
/// node broadcasts a session's changes in stream order.
/// </summary>
public sealed class DialogueSessions(
    IDocumentStore store, TimeProvider time, IOptions<DialogueOptions> options, IEnumerable<ISessionCommitListener> listeners)
{
    /// <summary>Most commands committed in one transaction; a longer queue is taken in several.</summary>
    private const int MaxBatch = 1000;

    /// <summary>
    /// Changes of a session kept in memory for <see cref="Since"/>: a reconnect storm's clients are seconds behind, a
    /// few hundred changes at most; this covers minutes of an upvote storm. Each state shares all but the changed
    /// branches of its immutable maps with the one before, ≈ 1–2 KB per change.
    /// </summary>
    private const int RecentChanges = 10_000;

    private readonly ConcurrentDictionary<Guid, SessionQueue> queues = new();

    private readonly IReadOnlyList<ISessionCommitListener> listeners = [.. listeners];

    private readonly ConcurrentDictionary<Guid, GroupCommit<Guid, ConsultationDetails?>> consultations = new();

    /// <summary>
    /// A session's consultation as stored now, for deciding who may enter its room: one read serves every caller that
    /// asked while the previous read ran, so a hall filling up costs a read per batch of joins rather than per person.
    /// </summary>
    public Task<ConsultationDetails?> Consultation(Guid consultationId, CancellationToken cancellation = default) =>
        consultations.GetOrAdd(consultationId, id => new(callers => ReadConsultation(id, callers.Count), MaxBatch)).Enqueue(consultationId, cancellation);

    private async Task<IReadOnlyList<Task<ConsultationDetails?>>> ReadConsultation(Guid id, int callers)
    {
        await using var session = store.QuerySession();
        var read = Task.FromResult<ConsultationDetails?>(await session.LoadAsync<ConsultationDetails>(id));
        return [.. Enumerable.Repeat(read, callers)];
    }

    /// <summary>Decides against the session's current state, stores what was decided, then tells the listeners.</summary>
    public Task<DialogueOutcome> Execute(
        Guid id, Func<DialogueSession, DateTimeOffset, Decision> decide, CancellationToken cancellation = default)
    {
        // The drain loop serves every caller: a refusal is written in the language of the one it answers.
        var reader = CultureInfo.CurrentUICulture;
        return Enqueue(id, new QueuedCommand((state, now) => DomainText.In(reader, () => decide(state, now)), CatchUpFirst: false), cancellation);
    }

    /// <summary>The session as stored now (another node may have written since this one last looked).</summary>
    public async Task<DialogueSession?> Current(Guid id, CancellationToken cancellation = default) =>
        (await Enqueue(id, new QueuedCommand((_, _) => Decision.Nothing, CatchUpFirst: true), cancellation)).Session;

    /// <summary>
    /// What this node last knew of the session, without asking the database unless it knows nothing;
    /// enough for what never changes (its consultation, title), not for a snapshot.
    /// </summary>
    public async Task<DialogueSession?> Known(Guid id, CancellationToken cancellation = default) =>
        queues.TryGetValue(id, out var queue) && queue.State is { } state ? state : await Current(id, cancellation);

    /// <summary>
    /// Every change after <paramref name="afterSeq"/>, each with the state right after it (<see cref="SessionChange.AsOf"/>:
    /// hidden messages hidden). Served from the changes this node keeps in memory once it has caught up with the stream;
    /// only a client further behind than those makes it read and fold the whole stream.
    /// </summary>
    public async Task<IReadOnlyList<SessionChange>?> Since(Guid id, long afterSeq, CancellationToken cancellation = default)
    {
        var current = await Current(id, cancellation);
        if (current is null) return null;
        var recent = queues[id].Recent;
        if (recent.Count > 0 && recent[0].Seq <= afterSeq + 1)
        {
            var now = recent[^1].After;
            var from = (int)Math.Min(afterSeq + 1 - recent[0].Seq, recent.Count);
            return [.. recent.GetRange(from, recent.Count - from).Select(c => c.AsOf(now))];
        }
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0) return null;
        var changes = SessionChange.OfStream([.. events.Select(e => e.Data)]);
        return [.. changes.Where(c => c.Seq > afterSeq).Select(c => c.AsOf(changes[^1].After))];
    }

    private Task<DialogueOutcome> Enqueue(Guid id, QueuedCommand command, CancellationToken cancellation) =>
        queues.GetOrAdd(id, key =>
        {
            var queue = new SessionQueue();
            queue.Commits = new(batch => Commit(queue, key, batch), MaxBatch);
            return queue;
        }).Commits.Enqueue(command, cancellation);

    /// <summary>Decides and stores a batch of queued commands together, tells the listeners their changes in order, then gives each its outcome.</summary>
    private async Task<IReadOnlyList<Task<DialogueOutcome>>> Commit(SessionQueue queue, Guid id, IReadOnlyList<QueuedCommand> batch)
    {
        var outcomes = await Decide(queue, id, batch);
        if (outcomes is null) return [.. batch.Select(_ => Task.FromResult(DialogueOutcome.NoSession))];
        IReadOnlyList<SessionChange> committed = [.. outcomes.SelectMany(o => o.Changes)];
        if (committed.Count > 0)
            foreach (var listener in listeners) await listener.AfterCommit(committed);
        return [.. outcomes.Select(Task.FromResult)];
    }

    /// <summary>Each command's outcome once all their events are stored; null when there is no such session.</summary>
    private async Task<IReadOnlyList<DialogueOutcome>?> Decide(SessionQueue queue, Guid id, IReadOnlyList<QueuedCommand> batch)
    {
        var caughtUp = false;
        for (var attempt = 0; ; attempt++)
        {
            var fresh = queue.State is null || (!caughtUp && batch.Any(c => c.CatchUpFirst));
            var state = fresh ? await CatchUp(queue, id) : queue.State;
            if (state is null) return null;
            var (outcomes, after) = Decide(state, batch);
            // A refusal may only say that another node stored what the command needs (a question asked there):
            // refuse against the stream as stored, never against what this node last saw.
            if (!fresh && !caughtUp && outcomes.Any(o => !o.Decision.Accepted) && await CatchUp(queue, id) is { } stored && stored.Version != state.Version)
                (outcomes, after) = Decide(stored, batch);
            caughtUp = true;
            var events = outcomes.SelectMany(o => o.Changes).Select(c => c.Event).ToArray();
            if (events.Length == 0) return outcomes;
            try
            {
                await using var session = store.LightweightSession();
                session.Events.Append(id, after.Version, events);
                await session.SaveChangesAsync();
            }
            catch (ConcurrencyException) when (attempt < options.Value.ConcurrencyRetries)
            {
                // Two nodes that keep colliding would otherwise retry in lockstep: a short random
                // pause lets one of them win.
                await Task.Delay(Random.Shared.Next(1, 5 * (attempt + 1)));
                await CatchUp(queue, id);
                continue;
            }
            queue.State = after;
            queue.Remember([.. outcomes.SelectMany(o => o.Changes)], RecentChanges);
            return outcomes;
        }
    }

    /// <summary>Decides the commands in turn, each against the state the earlier ones left.</summary>
    private (List<DialogueOutcome> Outcomes, DialogueSession After) Decide(DialogueSession state, IReadOnlyList<QueuedCommand> batch)
    {
        var outcomes = new List<DialogueOutcome>(batch.Count);
        foreach (var command in batch)
        {
            var decision = command.Decide(state, time.GetUtcNow());
            var changes = decision.Accepted ? SessionChange.Of(state, decision.Events) : [];
            if (changes.Count > 0) state = changes[^1].After;
            outcomes.Add(new(decision, state, changes));
        }
        return (outcomes, state);
    }

    private async Task<DialogueSession?> CatchUp(SessionQueue queue, Guid id)
    {
        await using var session = store.QuerySession();
        var known = queue.State;
        var events = await session.Events.FetchStreamAsync(id, fromVersion: (known?.Version ?? 0) + 1);
        var data = events.Select(e => e.Data).ToList();
        var changes = known is null ? SessionChange.OfStream(data) : SessionChange.Of(known, data);
        queue.Remember(changes, RecentChanges);
        queue.State = changes.Count > 0 ? changes[^1].After : known;
        return queue.State;
    }
}
