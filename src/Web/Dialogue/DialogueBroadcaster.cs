using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// Sends a session's stored changes to its groups, in stream order (as the sessions' commit listener it
/// is called under the session's write gate). Vote counts and presence change in storms and only their
/// latest value matters, so they are coalesced per question, poll and session and flushed every <c>BroadcastInterval</c> —
/// and always before any other change of the session, so no client sees them out of order. The participant count
/// rides on the next event that goes to the whole room; only when none does, it goes out on its own, at most every
/// <c>PresenceInterval</c> and <c>PresenceDeliveriesPerSecond</c>: while thousands join, every update of the count is
/// a message to every one already in the room.
/// </summary>
public sealed class DialogueBroadcaster(
    IHubContext<DialogueHub> hub, Presence presence, TimeProvider time, IOptions<DialogueHubOptions> options, ILogger<DialogueBroadcaster> logger)
    : BackgroundService, ISessionCommitListener
{
    private readonly ConcurrentDictionary<Guid, Outbox> outboxes = new();

    public async Task AfterCommit(IReadOnlyList<SessionChange> changes)
    {
        foreach (var change in changes)
        {
            var outbox = outboxes.GetOrAdd(change.After.Id, _ => new Outbox());
            // A vote only waits for the lock of the pending set, never for a broadcast under way to
            // thousands of connections: the write gate of the session is held while this runs.
            if (ClientEvents.CoalesceKey(change) is { } key && options.Value.BroadcastInterval > TimeSpan.Zero)
            {
                outbox.Hold(key, change, time.GetUtcNow(), CoalescedWait(change.After.Id));
                continue;
            }
            await outbox.Gate.WaitAsync();
            try
            {
                // No participant count of its own here: it would reach everyone before the change does.
                await Flush(change.After.Id, outbox, presenceAlone: false);
                await Send(change, outbox);
            }
            finally
            {
                outbox.Gate.Release();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="enter"/> (a connection joins the session's groups) between two of the session's sends, and
    /// answers the seq of the last change sent before it: every later change reaches the connection live, so what it
    /// missed is what lies at or below that seq. Null when that is not known: nothing sent yet by this node (what
    /// happened before it started was never sent by it), or other nodes send to the room as well.
    /// </summary>
    public async Task<long?> Admit(Guid session, Func<Task> enter)
    {
        var outbox = outboxes.GetOrAdd(session, _ => new Outbox());
        await outbox.Gate.WaitAsync();
        try
        {
            await enter();
            return presence.IsShared || outbox.SentSeq == 0 ? null : outbox.SentSeq;
        }
        finally
        {
            outbox.Gate.Release();
        }
    }

    /// <summary>
    /// The session's participant count changed. The presence update carries the seq of the last change
    /// this node sent, never a newer one: a client that took a newer seq from it would resync past a
    /// change still on its way and miss it.
    /// </summary>
    public void PresenceChanged(Guid session) => outboxes.GetOrAdd(session, _ => new Outbox()).PresenceChanged();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BroadcastInterval > TimeSpan.Zero ? options.Value.BroadcastInterval : TimeSpan.FromMilliseconds(100);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (session, outbox) in outboxes)
            {
                var now = time.GetUtcNow();
                if (outbox.IsQuiet(now) || !outbox.HasNews(now)) continue;
                await outbox.Gate.WaitAsync(stoppingToken);
                try
                {
                    await Flush(session, outbox, presenceAlone: true);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Broadcast to session {Session} failed", session);
                }
                finally
                {
                    outbox.Gate.Release();
                }
            }
        }
    }

    /// <summary>
    /// Sends the held counts (the first to the whole room with the participant count, if that changed); with
    /// <paramref name="presenceAlone"/>, a changed count that nothing carried goes out on its own once it is due.
    /// </summary>
    private async Task Flush(Guid session, Outbox outbox, bool presenceAlone)
    {
        var now = time.GetUtcNow();
        var held = outbox.Take();
        foreach (var change in held) await Send(change, outbox);
        var presenceDue = presenceAlone && outbox.PresenceDue(now);
        if (presenceDue) await ToRoom(session, outbox, new ClientEvent(ClientEvents.Presence, outbox.SentSeq));
        if (held.Count > 0 || presenceDue)
            outbox.QuietFor(now, CoalescedWait(session));
    }

    /// <summary>How long a room's coalesced updates wait after one (<c>CoalescedDeliveriesPerSecond</c>): n connections / that rate.</summary>
    private TimeSpan CoalescedWait(Guid session) =>
        TimeSpan.FromSeconds(presence.Connections(session) / (double)options.Value.CoalescedDeliveriesPerSecond);

    /// <summary>How long a room's next participant count of its own waits after one: <c>PresenceInterval</c>, or n connections / <c>PresenceDeliveriesPerSecond</c>.</summary>
    private TimeSpan PresenceWait(Guid session) =>
        TimeSpan.FromSeconds(Math.Max(
            options.Value.PresenceInterval.TotalSeconds, presence.Connections(session) / (double)options.Value.PresenceDeliveriesPerSecond));

    /// <summary>
    /// Counts the room again and sends the count when it is not the one last sent: the count can change with nobody
    /// joining or leaving through this node (a node that died drops out of the shared count when its entry expires).
    /// </summary>
    public async Task Recount(Guid session)
    {
        if (outboxes.TryGetValue(session, out var outbox) && outbox.SentParticipants is { } sent && await presence.Count(session) != sent)
            outbox.PresenceChanged();
    }

    /// <summary>Sends one change to whom may see it (under <see cref="Outbox.Gate"/>).</summary>
    private async Task Send(SessionChange change, Outbox outbox)
    {
        var e = ClientEvents.From(change);
        var session = change.After.Id;
        if (change.IsForEveryone) await ToRoom(session, outbox, e);
        else await hub.Clients.Groups([DialogueGroups.Moderators(session), DialogueGroups.Person(session, change.Question!.AskedBy)]).SendAsync(e.Type, e);
        outbox.Sent(change.Seq);
    }

    /// <summary>
    /// Sends an event to everyone in the room, with the participant count when that changed since it was last sent:
    /// the count rides along instead of costing a message to everyone of its own.
    /// </summary>
    private async Task ToRoom(Guid session, Outbox outbox, ClientEvent e)
    {
        if (!outbox.TakePresence())
        {
            await hub.Clients.Group(DialogueGroups.Room(session)).SendAsync(e.Type, e);
            return;
        }
        var participants = await presence.Count(session);
        await hub.Clients.Group(DialogueGroups.Room(session)).SendAsync(e.Type, e with { Participants = participants });
        outbox.PresenceSent(time.GetUtcNow(), PresenceWait(session), participants);
    }

    /// <summary>What waits to be sent for one session; <see cref="Gate"/> keeps its sends in order.</summary>
    private sealed class Outbox
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        private readonly Dictionary<string, SessionChange> held = [];
        private long sentSeq;
        private bool presenceDirty;

        private DateTimeOffset presenceNotBefore;

        private DateTimeOffset quietUntil;

        /// <summary>Whether coalesced updates still wait (<c>CoalescedDeliveriesPerSecond</c>).</summary>
        public bool IsQuiet(DateTimeOffset now)
        {
            lock (held) return now < quietUntil;
        }

        public void QuietFor(DateTimeOffset now, TimeSpan span)
        {
            lock (held) quietUntil = now + span;
        }

        /// <summary>The participant count last sent to the room (under <see cref="Gate"/>).</summary>
        public int? SentParticipants { get; private set; }

        public bool HasNews(DateTimeOffset now)
        {
            lock (held) return held.Count > 0 || IsPresenceDue(now);
        }

        /// <summary>Whether a participant count of its own is due: it changed, and the wait after the last one is over.</summary>
        public bool PresenceDue(DateTimeOffset now)
        {
            lock (held) return IsPresenceDue(now);
        }

        private bool IsPresenceDue(DateTimeOffset now) => presenceDirty && now >= presenceNotBefore;

        /// <summary>
        /// Keeps the latest change of a coalesced value; changes arrive in stream order. The first change after a quiet
        /// spell waits <paramref name="wait"/> as the ones after an update do: a full room's storm shorter than that
        /// costs the node one update to everyone at its end, not one at its start and one at its end.
        /// </summary>
        public void Hold(string key, SessionChange change, DateTimeOffset now, TimeSpan wait)
        {
            lock (held)
            {
                if (held.Count == 0 && now >= quietUntil) quietUntil = now + wait;
                held[key] = change;
            }
        }

        /// <summary>The change with this seq has gone out to its groups (called under <see cref="Gate"/>).</summary>
        public void Sent(long seq)
        {
            lock (held) sentSeq = Math.Max(sentSeq, seq);
        }

        public long SentSeq
        {
            get { lock (held) return sentSeq; }
        }

        public void PresenceChanged()
        {
            lock (held) presenceDirty = true;
        }

        /// <summary>
        /// Whether the participant count changed since it was last sent; clears that, as the caller now reads and sends
        /// it (under <see cref="Gate"/>). Cleared before the count is read, so a change after the read marks it again.
        /// </summary>
        public bool TakePresence()
        {
            lock (held)
            {
                var changed = presenceDirty;
                presenceDirty = false;
                return changed;
            }
        }

        /// <summary>The count <paramref name="participants"/> went to the room; the next one of its own waits <paramref name="wait"/>.</summary>
        public void PresenceSent(DateTimeOffset now, TimeSpan wait, int participants)
        {
            lock (held) presenceNotBefore = now + wait;
            SentParticipants = participants;
        }

        /// <summary>Everything held, oldest first, taken at once: a later change is either in it or left for the next flush.</summary>
        public IReadOnlyList<SessionChange> Take()
        {
            lock (held)
            {
                IReadOnlyList<SessionChange> taken = [.. held.Values.OrderBy(c => c.Seq)];
                held.Clear();
                return taken;
            }
        }
    }
}
