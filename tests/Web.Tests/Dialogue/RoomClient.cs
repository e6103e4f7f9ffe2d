using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Dialogue;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>
/// A test participant: joins, then keeps the room's state the way the browser does — every entity
/// keeps the seq of its latest change, and nothing older replaces it.
/// </summary>
public sealed class RoomClient : IAsyncDisposable
{
    private static readonly string[] Events =
    [
        ClientEvents.QuestionAsked, ClientEvents.QuestionUpdated, ClientEvents.Message, ClientEvents.PollOpened, ClientEvents.PollUpdated,
        ClientEvents.PollClosed, ClientEvents.Presence, ClientEvents.SessionStarted, ClientEvents.SessionEnded, ClientEvents.AgendaChanged,
        ClientEvents.Pinned,
    ];

    private readonly object sync = new();
    private readonly List<IDisposable> handlers = [];
    private readonly ConcurrentQueue<ClientEvent> received = new();

    private RoomClient(HubConnection connection, Guid session) => (Connection, Session) = (connection, session);

    public HubConnection Connection { get; }
    public Guid Session { get; }
    public long Seq { get; private set; }
    public Dictionary<Guid, (long Seq, QuestionDto Question)> Questions { get; } = [];
    public Dictionary<Guid, (long Seq, PollDto Poll)> Polls { get; } = [];
    public Dictionary<Guid, MessageDto> Messages { get; } = [];
    public int Participants { get; private set; }
    public string Status { get; private set; } = "";
    public IReadOnlyCollection<ClientEvent> Received => received;

    public static async Task<RoomClient> Join(HubConnection connection, Guid session)
    {
        var client = new RoomClient(connection, session);
        foreach (var name in Events)
            client.handlers.Add(connection.On<ClientEvent>(name, e => { client.received.Enqueue(e); client.Apply(e); }));
        var snapshot = await connection.InvokeAsync<SessionSnapshot>("Join", session);
        client.Load(snapshot);
        return client;
    }

    public void Load(SessionSnapshot snapshot)
    {
        lock (sync)
        {
            Status = snapshot.Status;
            Participants = snapshot.Participants;
            foreach (var q in snapshot.Questions) Put(Questions, q.Id, snapshot.Seq, q);
            foreach (var p in snapshot.Polls) Put(Polls, p.Id, snapshot.Seq, p);
            foreach (var m in snapshot.Messages) Messages[m.Id] = m;
            // Last: a test that waits for a seq then reads what it brought must find it applied.
            Seq = Math.Max(Seq, snapshot.Seq);
        }
    }

    public void Apply(ClientEvent e)
    {
        lock (sync)
        {
            if (e.Question is { } q) Put(Questions, q.Id, e.Seq, q);
            if (e.Poll is { } p) Put(Polls, p.Id, e.Seq, p);
            if (e.Message is { } m) Messages[m.Id] = m;
            if (e.Participants is { } n) Participants = n;
            if (e.Status is { } s) Status = s;
            Seq = Math.Max(Seq, e.Seq);
        }
    }

    /// <summary>Applies what the server says was missed after the latest seq held.</summary>
    public async Task Resync()
    {
        var missed = await Connection.InvokeAsync<List<ClientEvent>>("Resync", Session, Seq);
        foreach (var e in missed) Apply(e);
    }

    public Task<long> Invoke(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<long>(method, [Session, .. args]);

    /// <summary>Waits until the client holds at least <paramref name="seq"/>.</summary>
    public Task Reached(long seq, int timeoutMs = 10_000) => Until(() => Seq >= seq, timeoutMs, $"Seq never reached {seq}.");

    /// <summary>Waits until what the client holds meets <paramref name="condition"/>.</summary>
    public async Task Until(Func<bool> condition, int timeoutMs = 10_000, string what = "The condition never held.")
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        bool Holds()
        {
            // Read under the lock the handlers write under: never half of an applied event.
            lock (sync) return condition();
        }
        while (!Holds())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(10);
        }
    }

    /// <summary>What a client shows, for comparing two clients.</summary>
    public string Picture()
    {
        lock (sync)
        {
            var questions = Questions.Values.Select(v => v.Question).OrderBy(q => q.AskedSeq)
                .Select(q => $"{q.Text}|{q.State}|{q.Votes}|{q.Answer}");
            var polls = Polls.Values.Select(v => v.Poll).OrderBy(p => p.OpenedSeq)
                .Select(p => $"{p.Question}|{p.Open}|{string.Join(",", p.Counts)}");
            var messages = Messages.Values.OrderBy(m => m.Seq).Select(m => $"{m.Text}|{m.Hidden}");
            return string.Join("\n", [.. questions, "--", .. polls, "--", .. messages, "--", Status]);
        }
    }

    private static void Put<T>(Dictionary<Guid, (long Seq, T Item)> items, Guid id, long seq, T item)
    {
        if (!items.TryGetValue(id, out var held) || held.Seq <= seq) items[id] = (seq, item);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var h in handlers) h.Dispose();
        await Connection.DisposeAsync();
    }
}
