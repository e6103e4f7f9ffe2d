using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Dialogue;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>The real app on Kestrel over an embedded cluster (fsync off); bearer tokens are minted, not logged in.</summary>
public sealed class DialogueBenchApp : WebApplicationFactory<Program>
{
    public DialogueBenchApp()
    {
        UseKestrel(0);
        StartServer();
        Hub = new Uri(new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hubs/dialogue");
    }

    public Uri Hub { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Nq45Consult.sln"))) root = root.Parent!;
        builder.UseContentRoot(Path.Combine(root.FullName, "src", "Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Marten", TestCluster.CreateDatabase("bench"));
        builder.UseSetting("Marten:ApplySchemaOnStart", "true");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public string Token(string userName, Role role)
    {
        var account = new Account(Guid.NewGuid(), userName, userName.ToUpperInvariant(), userName, [role], "", 0, null);
        var ticket = new AuthenticationTicket(CallerClaims.PrincipalOf(account, AuthSchemes.LocalBearer), AuthSchemes.LocalBearer);
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1);
        return Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.LocalBearer).BearerTokenProtector.Protect(ticket);
    }

    public async Task<BenchRoom> Room()
    {
        var consultation = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var session = Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<ConsultationState>(consultation,
                new ConsultationCreated(consultation, "bench", new ConsultationDetailsInput.Valid("Bench", "", "Bench", DocumentType.Plan, ["khác"], Audience.Public, now, now.AddDays(1)), "bench", now),
                new ConsultationOpened(consultation, "bench", now));
            await session.SaveChangesAsync();
        }
        var sessions = Services.GetRequiredService<DialogueSessions>();
        var moderator = new Participant("moderator", "moderator", new HashSet<Role> { Role.Moderator });
        var id = Guid.CreateVersion7();
        await sessions.Schedule(new ScheduleSession(id, consultation, "Bench", now, null, false), moderator);
        await sessions.Execute(id, (s, t) => StartSession.Decide(s, moderator, t));
        var mod = Connections.To(Hub, () => Task.FromResult<string?>(Token("moderator", Role.Moderator)));
        await mod.StartAsync();
        await mod.InvokeAsync<SessionSnapshot>("Join", id);
        return new BenchRoom(this, sessions, id, mod);
    }
}

public sealed record Member(HubConnection Connection, int[] LastVotes);

public sealed record Storm(int Votes, TimeSpan Elapsed, int Stored, bool AllSawExact);

public sealed class BenchRoom(DialogueBenchApp app, DialogueSessions sessions, Guid id, HubConnection moderator)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentBag<double> delivered = new();

    public async Task<IReadOnlyList<Member>> JoinMany(int count) => await Connections.Batched(count, 32, async i =>
    {
        var token = app.Token($"bench{i}", Role.Expert);
        var connection = Connections.To(app.Hub, () => Task.FromResult<string?>(token));
        var member = new Member(connection, [0]);
        connection.On<ClientEvent>(ClientEvents.Message, e =>
        {
            if (long.TryParse(e.Message?.Text, out var sent)) delivered.Add((clock.ElapsedTicks - sent) * 1000.0 / Stopwatch.Frequency);
        });
        connection.On<ClientEvent>(ClientEvents.QuestionUpdated, e => Interlocked.Exchange(ref member.LastVotes[0], e.Question!.Votes));
        await connection.StartAsync();
        await connection.InvokeAsync<SessionSnapshot>("Join", id);
        return member;
    });

    public async Task<Latency> ModeratorLatency(IReadOnlyList<Member> members, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var before = delivered.Count;
            await moderator.InvokeAsync<long>("Say", id, clock.ElapsedTicks.ToString());
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (delivered.Count < before + members.Count && DateTime.UtcNow < deadline) await Task.Delay(5);
        }
        return Latency.Of(delivered);
    }

    public async Task<Storm> UpvoteStorm(IReadOnlyList<Member> members)
    {
        await moderator.InvokeAsync<long>("Ask", id, "Câu hỏi cho cơn bão bình chọn");
        var question = (await sessions.Current(id))!.Questions.Values.Single().Id;
        var sw = Stopwatch.StartNew();
        await Connections.Batched(members.Count, 256, i => members[i].Connection.InvokeAsync<long>("Upvote", id, question));
        var elapsed = sw.Elapsed;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (members.Any(m => m.LastVotes[0] != members.Count) && DateTime.UtcNow < deadline) await Task.Delay(20);
        var stored = (await sessions.Since(id, 0))![^1].After.Questions[question].Votes;
        return new Storm(members.Count, elapsed, stored, members.All(m => m.LastVotes[0] == members.Count));
    }

    public Task Leave(IReadOnlyList<Member> members) =>
        Connections.Batched(members.Count, 100, async i => { await members[i].Connection.DisposeAsync(); return 0; });
}
