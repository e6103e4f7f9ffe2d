using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.TestSupport;
using StackExchange.Redis;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>Two app instances on loopback sharing one database and a Redis backplane.</summary>
public sealed class TwoNodes : IDisposable
{
    public TwoNodes()
    {
        Redis = new RedisServer();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marten"] = TestCluster.CreateDatabase("scaleout"),
            ["SignalR:Redis"] = Redis.ConnectionString,
            // Renewed (and recounted) every second, so a node that died drops out of the count within seconds.
            ["Dialogue:Hub:PresenceTtl"] = "00:00:03",
        };
        A = new Node(settings);
        B = new Node(settings);
    }

    public RedisServer Redis { get; }
    public LiveRoomApp A { get; }
    public LiveRoomApp B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        Redis.Dispose();
    }

    private sealed class Node(IReadOnlyDictionary<string, string?> settings) : LiveRoomApp(settings);
}

public class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_client_on_node_A_sees_what_a_client_on_node_B_does_in_the_same_order()
    {
        var session = await nodes.A.ASession();
        await using var onA = await RoomClient.Join(await nodes.A.Connect("expert1"), session);
        await using var onB = await RoomClient.Join(await nodes.B.Connect("expert2"), session);

        var seqs = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(i => onB.Invoke("Say", $"Từ nút B {i}"))
                .Concat(Enumerable.Range(0, 5).Select(i => onA.Invoke("Say", $"Từ nút A {i}"))));
        await onA.Reached(seqs.Max());
        await onB.Reached(seqs.Max());

        Assert.Equal(10, onA.Messages.Count);
        Assert.Equal(onB.Picture(), onA.Picture());
        Assert.Equal(Enumerable.Range(3, 10).Select(i => (long)i), seqs.Order());
    }

    [Fact]
    public async Task The_participant_count_is_the_rooms_across_both_nodes_and_drops_when_someone_leaves()
    {
        var session = await nodes.A.ASession();
        await using var onA = await RoomClient.Join(await nodes.A.Connect("expert1"), session);
        await using var onB = await RoomClient.Join(await nodes.B.Connect("expert2"), session);
        await using var alsoOnB = await RoomClient.Join(await nodes.B.Connect("expert1"), session);
        var third = await RoomClient.Join(await nodes.B.Connect("expert3"), session);

        // expert1 is on both nodes and counts once.
        await onA.Until(() => onA.Participants == 3);
        await onB.Until(() => onB.Participants == 3);
        await third.DisposeAsync();
        await onA.Until(() => onA.Participants == 2);
        Assert.Equal(2, (await (await nodes.A.HttpAs("moderator")).GetFromJsonAsync<JsonElement>($"/api/sessions/{session}")).GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task People_on_a_node_that_died_stop_being_counted_with_nobody_joining_or_leaving()
    {
        var session = await nodes.A.ASession();
        await using var onA = await RoomClient.Join(await nodes.A.Connect("expert1"), session);
        await onA.Until(() => onA.Participants == 1);

        // A node that died without a word: its set of the room is in Redis and expires, as a dead node's does.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(nodes.Redis.ConnectionString))
        {
            var room = $"nq45:presence:{session:N}";
            var db = redis.GetDatabase();
            await db.SetAddAsync($"{room}:dead-node", ["GHOST1", "GHOST2"]);
            await db.KeyExpireAsync($"{room}:dead-node", TimeSpan.FromSeconds(2));
            await db.SetAddAsync(room, "dead-node");
        }
        await using var onB = await RoomClient.Join(await nodes.B.Connect("expert2"), session);
        await onA.Until(() => onA.Participants == 4, 30_000, "The dead node's people were never counted.");

        await onA.Until(() => onA.Participants == 2, 30_000, "The dead node's people were still counted after their entry expired.");
        await onB.Until(() => onB.Participants == 2, 30_000, "Node B's client still shows the dead node's people.");
    }
}
