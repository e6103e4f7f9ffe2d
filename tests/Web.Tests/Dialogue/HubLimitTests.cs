using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The live room with small hub limits, each window an hour so none renews during a test.</summary>
public sealed class HubLimitsApp() : LiveRoomApp(new Dictionary<string, string?>
{
    ["RateLimits:QuestionsPerUser:Permits"] = "2",
    ["RateLimits:MessagesPerUser:Permits"] = "1",
    ["RateLimits:UpvotesPerUser:Permits"] = "2",
    ["RateLimits:VotesPerUser:Permits"] = "1",
    ["RateLimits:JoinsPerUser:Permits"] = "3",
    ["RateLimits:ResyncsPerConnection:Permits"] = "2",
    ["RateLimits:WatchesPerConnection:Permits"] = "2",
    ["RateLimits:QuestionsPerUser:Window"] = "01:00:00",
    ["RateLimits:MessagesPerUser:Window"] = "01:00:00",
    ["RateLimits:UpvotesPerUser:Window"] = "01:00:00",
    ["RateLimits:VotesPerUser:Window"] = "01:00:00",
    ["RateLimits:JoinsPerUser:Window"] = "01:00:00",
    ["RateLimits:ResyncsPerConnection:Window"] = "01:00:00",
    ["RateLimits:WatchesPerConnection:Window"] = "01:00:00",
});

/// <summary>Hub actions are limited per person (over all their connections) or per connection, refused with a HubException saying when to try again.</summary>
public class HubLimitTests(HubLimitsApp app) : IClassFixture<HubLimitsApp>
{
    private static async Task<string> Refused(Task call) => (await Assert.ThrowsAsync<HubException>(() => call)).Message;

    private static void AssertTooFast(string message)
    {
        Assert.Contains("quá nhanh", message);
        Assert.Contains("giây", message);
    }

    /// <summary>A new expert (with the demo password, so <see cref="LiveRoomApp.Connect"/> signs them in), each test its own.</summary>
    private async Task<string> Expert(string userName)
    {
        var created = await (await app.HttpAs("admin")).PostAsJsonAsync("/api/users",
            new { userName, displayName = "Chuyên gia thử", email = $"{userName}@vusta.example.vn", roles = new[] { "Expert" }, password = ConsultationApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private async Task<RoomClient> In(Guid session, string user) => await RoomClient.Join(await app.Connect(user), session);

    [Fact]
    public async Task Questions_and_messages_are_counted_per_person_over_all_their_connections()
    {
        var session = await app.ASession();
        var asker = await Expert("limits.asker");
        await using var first = await In(session, asker);
        await using var second = await In(session, asker);
        await using var other = await In(session, await Expert("limits.other"));

        await first.Invoke("Ask", "Câu một");
        await second.Invoke("AskAbout", "Câu hai", null);

        AssertTooFast(await Refused(first.Invoke("Ask", "Câu ba")));
        AssertTooFast(await Refused(second.Invoke("Ask", "Câu ba")));
        var last = await other.Invoke("Ask", "Câu của người khác");
        await first.Reached(last);
        Assert.Equal(3, first.Questions.Count);

        await first.Invoke("Say", "Xin chào");
        AssertTooFast(await Refused(second.Invoke("Say", "Lần hai")));
        await other.Invoke("Say", "Chào mọi người");
    }

    [Fact]
    public async Task Upvotes_and_votes_are_counted_per_person()
    {
        var session = await app.ASession();
        await using var moderator = await In(session, "moderator");
        var voter = await Expert("limits.voter");
        await using var first = await In(session, voter);
        await using var second = await In(session, voter);
        await moderator.Invoke("Ask", "Câu để ủng hộ");
        var opened = await moderator.Invoke("OpenPoll", "Phương án nào?", new[] { "A", "B" }, false);
        await first.Reached(opened);
        var question = first.Questions.Keys.Single();
        var poll = first.Polls.Keys.Single();

        await first.Invoke("Upvote", question);
        await second.Invoke("Upvote", question);
        AssertTooFast(await Refused(first.Invoke("Upvote", question)));
        await first.Invoke("Vote", poll, 0);
        AssertTooFast(await Refused(second.Invoke("Vote", poll, 1)));
    }

    [Fact]
    public async Task Joining_is_counted_per_person()
    {
        var session = await app.ASession();
        var joiner = await Expert("limits.joiner");
        var rooms = new List<RoomClient>();
        for (var i = 0; i < 3; i++) rooms.Add(await In(session, joiner));

        var fourth = await app.Connect(joiner);
        AssertTooFast(await Refused(fourth.InvokeAsync<object>("Join", session)));

        await fourth.DisposeAsync();
        foreach (var room in rooms) await room.DisposeAsync();
    }

    [Fact]
    public async Task Resync_is_counted_per_connection()
    {
        var session = await app.ASession();
        var person = await Expert("limits.resyncer");
        await using var room = await In(session, person);
        await room.Resync();
        await room.Resync();

        AssertTooFast(await Refused(room.Resync()));
        await using var again = await In(session, person);
        await again.Resync();
    }

    [Fact]
    public async Task Watch_on_the_consultation_hub_is_counted_per_connection()
    {
        var consultation = await app.AConsultation();
        await using var viewer = await Viewer();
        await viewer.InvokeAsync("Watch", consultation);
        await viewer.InvokeAsync("Watch", consultation);

        AssertTooFast(await Refused(viewer.InvokeAsync("Watch", consultation)));
        await using var another = await Viewer();
        await another.InvokeAsync("Watch", consultation);
    }

    /// <summary>An anonymous reader's connection to the consultation page's hub.</summary>
    private async Task<HubConnection> Viewer()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/consultation"), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
