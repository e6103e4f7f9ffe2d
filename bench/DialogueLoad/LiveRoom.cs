using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.Web.Dialogue;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>One person in the room: their connection, node and what they received, as the room's script keeps it.</summary>
public sealed class Member(string userName, Uri node)
{
    public string UserName { get; } = userName;
    public Uri Node { get; } = node;
    public string Token { get; set; } = "";
    public HubConnection? Connection { get; set; }
    public long Seq;
    public int Votes;
    /// <summary>The seq <see cref="Votes"/> was read at: behind a backplane a node's older count can arrive after a newer one.</summary>
    public long VotesSeq;
    /// <summary>Deliveries per message seq: live and through Resync.</summary>
    public readonly ConcurrentDictionary<long, int> Messages = new();
}

/// <summary>
/// A live session on the real app: accounts registered by the registration use case (as the demo seeding does),
/// people signed in through <c>/api/auth/login</c>, the session scheduled and started through the API by the demo
/// moderator, every client joining <c>/hubs/dialogue</c>.
/// </summary>
public sealed class LiveRoom(IReadOnlyList<AppNode> nodes, Guid session, HubConnection moderator, Stopwatch clock)
{
    public const string Password = "bench-participant-password-1";

    private readonly ConcurrentBag<double> delivered = new();

    // The question of the storm under way: the count each client ends with is this question's. Boxed, so that a
    // handler on another thread reads the whole id or none (a Guid field can be read half-written).
    private volatile object? stormQuestionBox;
    private Guid StormQuestion => stormQuestionBox is Guid id ? id : Guid.Empty;

    public Guid Session => session;

    /// <summary>
    /// Registers the participants' accounts in the first node's database in batches. The password is hashed once
    /// and every account gets that hash: hashing 5,000 times would only time PBKDF2.
    /// </summary>
    public static async Task<IReadOnlyList<Member>> Register(AppNode first, IReadOnlyList<AppNode> nodes, int count)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddConsultation(first.ConnectionString, new StorageOptions { ApplySchemaOnStart = false, RunProjectionDaemon = false });
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        var hash = new Web.Accounts.AspNetPasswordHasher().Hash(Password);
        var run = Guid.NewGuid().ToString("N")[..6];
        var members = Enumerable.Range(0, count).Select(i => new Member($"bench-{run}-{i}", nodes[i % nodes.Count].Address)).ToArray();
        foreach (var batch in members.Chunk(500))
        {
            await using var writes = store.LightweightSession();
            foreach (var m in batch)
            {
                var id = Guid.CreateVersion7();
                var command = new RegisterAccount(m.UserName, $"Đại biểu {m.UserName}", [Role.Expert], Password, "dialogue-bench");
                writes.Events.StartStream<Account>(id, RegisterAccount.Decide(command, id, hash, DateTimeOffset.UtcNow).Events);
            }
            await writes.SaveChangesAsync();
        }
        return members;
    }

    public static async Task<string> SignIn(Uri node, string userName, string password)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The demo moderator schedules and starts a session on the demo consultation and joins it.</summary>
    public static async Task<LiveRoom> Open(IReadOnlyList<AppNode> nodes, Stopwatch clock)
    {
        var token = await SignIn(nodes[0].Address, "moderator", AppNode.DemoPassword);
        using var http = new HttpClient { BaseAddress = nodes[0].Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var consultation = (await http.GetFromJsonAsync<JsonElement>("/api/consultations/ke-hoach-45-nq-tw")).GetProperty("id").GetGuid();
        var scheduled = await http.PostAsJsonAsync($"/api/consultations/{consultation}/sessions",
            new { title = "Hội nghị trực tuyến toàn tỉnh (đo tải)", startsAt = DateTimeOffset.UtcNow, preModeration = false });
        scheduled.EnsureSuccessStatusCode();
        var session = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await http.PostAsync($"/api/sessions/{session}/start", null)).EnsureSuccessStatusCode();
        var moderator = Clients.Connect(new Uri(nodes[0].Address, "/hubs/dialogue"), token);
        await moderator.StartAsync();
        await moderator.InvokeAsync<SessionSnapshot>("Join", session);
        return new LiveRoom(nodes, session, moderator, clock);
    }

    /// <summary>Connects and joins; with <paramref name="resync"/> it rejoins with <c>Resync</c> from the last seq held instead.</summary>
    public async Task Enter(Member member, bool resync)
    {
        var connection = Clients.Connect(new Uri(member.Node, "/hubs/dialogue"), member.Token);
        foreach (var type in new[] { ClientEvents.QuestionAsked, ClientEvents.QuestionUpdated, ClientEvents.Message, ClientEvents.PollOpened,
                     ClientEvents.PollUpdated, ClientEvents.PollClosed, ClientEvents.Presence, ClientEvents.SessionStarted,
                     ClientEvents.SessionEnded, ClientEvents.AgendaChanged, ClientEvents.Pinned })
            connection.On<ClientEvent>(type, e => Receive(member, e));
        member.Connection = connection;
        await connection.StartAsync();
        if (resync)
        {
            foreach (var e in await connection.InvokeAsync<List<ClientEvent>>("Resync", session, Interlocked.Read(ref member.Seq))) Receive(member, e);
            return;
        }
        var snapshot = await connection.InvokeAsync<SessionSnapshot>("Join", session);
        foreach (var m in snapshot.Messages) member.Messages.AddOrUpdate(m.Seq, 1, (_, n) => n + 1);
        Advance(member, snapshot.Seq);
    }

    private void Receive(Member member, ClientEvent e)
    {
        if (e.Message is { } m)
        {
            member.Messages.AddOrUpdate(m.Seq, 1, (_, n) => n + 1);
            if (m.Text is ['t', ':', .. var sent] && long.TryParse(sent, out var ticks)) delivered.Add(Clients.Ms(clock, ticks));
        }
        // As the room's script does: a question keeps the state of its latest change by seq.
        if (e.Type == ClientEvents.QuestionUpdated && e.Question!.Id == StormQuestion)
            lock (member)
                if (e.Seq > member.VotesSeq) (member.VotesSeq, member.Votes) = (e.Seq, e.Question.Votes);
        Advance(member, e.Seq);
    }

    private static void Advance(Member member, long seq)
    {
        long held;
        while ((held = Interlocked.Read(ref member.Seq)) < seq && Interlocked.CompareExchange(ref member.Seq, seq, held) != held) { }
    }

    /// <summary>The moderator says the time it is; every client records how long the message took to reach it.</summary>
    public async Task<(Latency Latency, bool AllReached)> ModeratorLatency(int clients, int rounds)
    {
        var all = true;
        for (var round = 0; round < rounds; round++)
        {
            var before = delivered.Count;
            await moderator.InvokeAsync<long>("Say", session, $"t:{clock.ElapsedTicks}");
            all &= await Clients.Until(() => delivered.Count >= before + clients, TimeSpan.FromSeconds(120));
        }
        return (Latency.Of(delivered), all);
    }

    public sealed record Storm(int Votes, TimeSpan Elapsed, int Stored, int ClientsWithExactCount);

    /// <summary>
    /// The moderator asks a new question and every client upvotes it once; then the count stored and the count each
    /// client ends with.
    /// </summary>
    public async Task<Storm> UpvoteStorm(IReadOnlyList<Member> members, int storm)
    {
        var text = $"Câu hỏi cho cơn bão bình chọn số {storm}";
        await moderator.InvokeAsync<long>("Ask", session, text);
        var question = Question(await Transcript(nodes[0]), text).GetProperty("id").GetGuid();
        foreach (var m in members)
            lock (m) (m.VotesSeq, m.Votes) = (0, 0);
        stormQuestionBox = question;
        var sw = Stopwatch.StartNew();
        await Clients.Batched(members.Count, Clients.StormParallelism, i => members[i].Connection!.InvokeAsync<long>("Upvote", session, question));
        var elapsed = sw.Elapsed;
        await Clients.Until(() => members.All(m => Volatile.Read(ref m.Votes) == members.Count), TimeSpan.FromSeconds(120));
        var stored = Question(await Transcript(nodes[^1]), text).GetProperty("votes").GetInt32();
        return new Storm(members.Count, elapsed, stored, members.Count(m => Volatile.Read(ref m.Votes) == members.Count));
    }

    public sealed record Reconnect(TimeSpan Elapsed, int MessagesSent, int ClientsMissing, int ClientsWithRepeats);

    /// <summary>
    /// Every client drops its connection and rejoins with <c>Resync</c> while the moderator keeps talking; then each
    /// must hold every message exactly once. A repeat is a message delivered twice (live and by Resync), which the
    /// room's script drops by seq; a miss is one it never got.
    /// </summary>
    public async Task<Reconnect> ReconnectStorm(IReadOnlyList<Member> members)
    {
        foreach (var m in members) m.Messages.Clear();
        var expected = new ConcurrentBag<long>();
        var sw = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var talking = Task.Run(async () =>
        {
            for (var k = 0; !stop.IsCancellationRequested; k++)
            {
                expected.Add(await moderator.InvokeAsync<long>("Say", session, $"r:{k}"));
                await Task.Delay(100);
            }
        });
        await Clients.Batched(members.Count, Clients.JoinParallelism, async i =>
        {
            await members[i].Connection!.DisposeAsync();
            await Enter(members[i], resync: true);
            return 0;
        });
        await stop.CancelAsync();
        await talking;
        var want = expected.ToHashSet();
        bool Complete(Member m) => want.All(m.Messages.ContainsKey);
        await Clients.Until(() => members.All(Complete), TimeSpan.FromSeconds(120));
        var elapsed = sw.Elapsed;
        return new Reconnect(elapsed, want.Count, members.Count(m => !Complete(m)),
            members.Count(m => want.Any(seq => m.Messages.GetValueOrDefault(seq) > 1)));
    }

    public async Task Leave(IReadOnlyList<Member> members)
    {
        await Clients.Batched(members.Count, 100, async i => { await members[i].Connection!.DisposeAsync(); return 0; });
        await moderator.DisposeAsync();
    }

    private static JsonElement Question(JsonElement transcript, string text) =>
        transcript.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("text").GetString() == text);

    // The moderator's token on each node, signed in once: a sign-in per read would hit the limit per user name
    // within a few storms, and put PBKDF2 into the storms' CPU figures.
    private readonly ConcurrentDictionary<Uri, Task<string>> moderatorTokens = new();

    private async Task<JsonElement> Transcript(AppNode node)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        var token = await moderatorTokens.GetOrAdd(node.Address, address => SignIn(address, "moderator", AppNode.DemoPassword));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{session}/transcript");
    }
}
