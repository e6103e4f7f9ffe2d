using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Web.Dialogue;

/// <summary>
/// Sends a session's stored changes to its groups, in stream order (it is called under the session's
/// write gate). Vote counts and presence change in storms and only their latest value matters, so
/// they are coalesced per question, poll and session and flushed every <c>BroadcastInterval</c> —
/// and always before any other change of the session, so no client sees them out of order.
/// </summary>
public sealed class DialogueBroadcaster(IHubContext<DialogueHub> hub, Presence presence, IOptions<DialogueHubOptions> options, ILogger<DialogueBroadcaster> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Outbox> outboxes = new();

    public async Task Publish(IReadOnlyList<Change> changes)
    {
        foreach (var change in changes)
        {
            var outbox = outboxes.GetOrAdd(change.After.Id, _ => new Outbox());
            await outbox.Gate.WaitAsync();
            try
            {
                outbox.Seq = Math.Max(outbox.Seq, change.Seq);
                if (ClientEvents.CoalesceKey(change) is { } key && options.Value.BroadcastInterval > TimeSpan.Zero)
                {
                    outbox.Pending[key] = change;
                    continue;
                }
                await Flush(change.After.Id, outbox);
                await Send(change);
            }
            finally
            {
                outbox.Gate.Release();
            }
        }
    }

    /// <summary>
    /// The session's participant count changed. The presence event carries the seq of the last change
    /// this node sent, never a newer one: a client that took a newer seq from it would resync past a
    /// change still on its way and miss it.
    /// </summary>
    public void PresenceChanged(Guid session) => outboxes.GetOrAdd(session, _ => new Outbox()).PresenceDirty = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BroadcastInterval > TimeSpan.Zero ? options.Value.BroadcastInterval : TimeSpan.FromMilliseconds(100);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (session, outbox) in outboxes)
            {
                if (outbox.Pending.IsEmpty && !outbox.PresenceDirty) continue;
                await outbox.Gate.WaitAsync(stoppingToken);
                try
                {
                    await Flush(session, outbox);
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

    private async Task Flush(Guid session, Outbox outbox)
    {
        foreach (var change in outbox.Pending.Values.OrderBy(c => c.Seq).ToList())
        {
            outbox.Pending.TryRemove(ClientEvents.CoalesceKey(change)!, out _);
            await Send(change);
        }
        if (outbox.PresenceDirty)
        {
            outbox.PresenceDirty = false;
            await hub.Clients.Group(DialogueGroups.Room(session)).SendAsync(
                ClientEvents.Presence, new ClientEvent(ClientEvents.Presence, outbox.Seq, Participants: presence.Count(session)));
        }
    }

    private Task Send(Change change)
    {
        var e = ClientEvents.From(change);
        var session = change.After.Id;
        if (change.IsForEveryone) return hub.Clients.Group(DialogueGroups.Room(session)).SendAsync(e.Type, e);
        return hub.Clients.Groups([DialogueGroups.Moderators(session), DialogueGroups.Person(session, change.Question!.AskedBy)]).SendAsync(e.Type, e);
    }

    private sealed class Outbox
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly ConcurrentDictionary<string, Change> Pending = new();
        public long Seq;
        public volatile bool PresenceDirty;
    }
}
