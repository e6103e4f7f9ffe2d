using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Web.Accounts;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Tests.Dialogue;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Two app nodes on loopback sharing one database (no backplane), so a change made on one reaches the other only through the database.</summary>
public sealed class SharedDatabaseNodes : IDisposable
{
    public SharedDatabaseNodes()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = TestCluster.CreateDatabase("hubsessions") };
        A = new Node(settings);
        B = new Node(settings);
    }

    public LiveRoomApp A { get; }
    public LiveRoomApp B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }

    private sealed class Node(IReadOnlyDictionary<string, string?> settings) : LiveRoomApp(settings);
}

/// <summary>Open hub connections over real WebSockets follow the account: deactivation and role changes end them.</summary>
public class HubSessionTests(SharedDatabaseNodes nodes) : IClassFixture<SharedDatabaseNodes>
{
    private const string Password = "Mat-khau-2026!";
    private static readonly string[] Hubs = ["/hubs/consultation", "/hubs/dialogue", "/hubs/notifications"];

    /// <summary>A connection and a task that completes when it closes (a guard keeps a broken build from hanging the run).</summary>
    private sealed record Open(HubConnection Connection, Task Closed) : IAsyncDisposable
    {
        public Task Ended => Closed.WaitAsync(TimeSpan.FromMinutes(1));

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private static async Task<Open> Connect(LiveRoomApp node, string hub, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, hub), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return new Open(connection, closed.Task);
    }

    /// <summary>A new account with the roles, and its bearer token.</summary>
    private async Task<string> Person(string userName, params string[] roles)
    {
        var admin = await nodes.A.HttpAs("admin");
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Người dùng thử", email = $"{userName}@vusta.example.vn", roles, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await nodes.A.Http().TokenAsync(userName, Password);
    }

    private async Task Admin(string method, string route, object body)
    {
        var admin = await nodes.A.HttpAs("admin");
        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), route) { Content = JsonContent.Create(body) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A hub method each hub answers: watching any consultation, or joining a session that does not exist (refused, but by the hub itself).</summary>
    private static async Task Call(Open open, string hub)
    {
        if (hub == "/hubs/consultation") await open.Connection.InvokeAsync("Watch", Guid.NewGuid());
        else if (hub == "/hubs/dialogue") Assert.Contains("phiên", (await Assert.ThrowsAsync<HubException>(() => open.Connection.InvokeAsync("Join", Guid.NewGuid()))).Message);
    }

    [Fact]
    public async Task Deactivation_closes_the_accounts_connections_to_every_hub_and_the_token_cannot_reconnect()
    {
        var token = await Person("hub.leaver", "Expert");
        var open = new List<Open>();
        foreach (var hub in Hubs)
        {
            var connection = await Connect(nodes.A, hub, token);
            await Call(connection, hub);
            open.Add(connection);
        }

        await Admin("POST", "/api/users/hub.leaver/deactivate", new { reason = "Nghỉ việc" });

        foreach (var connection in open)
        {
            await connection.Ended;
            Assert.Equal(HubConnectionState.Disconnected, connection.Connection.State);
            await connection.DisposeAsync();
        }
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Connect(nodes.A, "/hubs/notifications", token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_role_change_closes_the_connection_and_the_client_reconnects_with_the_new_roles()
    {
        var token = await Person("hub.demoted", "Expert", "Moderator");
        await using var before = await Connect(nodes.A, "/hubs/dialogue", token);

        await Admin("PUT", "/api/users/hub.demoted/roles", new { roles = new[] { "Expert" } });

        await before.Ended;
        await using var after = await Connect(nodes.A, "/hubs/dialogue", token);
        await Call(after, "/hubs/dialogue");
    }

    [Fact]
    public async Task A_second_signal_of_the_same_change_leaves_a_connection_made_since_open()
    {
        var token = await Person("hub.resignalled", "Expert", "Moderator");
        await using var before = await Connect(nodes.A, "/hubs/dialogue", token);
        await Admin("PUT", "/api/users/hub.resignalled/roles", new { roles = new[] { "Expert" } });
        await before.Ended;
        await using var after = await Connect(nodes.A, "/hubs/dialogue", token);

        // The node that made a change hears of it twice: after its commit, then from its own notification, which
        // may arrive once the client has reconnected. Both are checked against the account as it now is.
        await nodes.A.Services.GetRequiredService<HubConnections>().End(await AccountId(nodes.A, "hub.resignalled"));

        Assert.Equal(HubConnectionState.Connected, after.Connection.State);
        await Call(after, "/hubs/dialogue");
    }

    private static async Task<Guid> AccountId(LiveRoomApp node, string userName)
    {
        await using var session = node.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<Account>().SingleAsync(a => a.UserName == userName)).Id;
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("roles")]
    public async Task On_another_node_the_connection_is_closed_and_calls_refused(string change)
    {
        var userName = $"hub.far.{change}";
        var token = await Person(userName, "Expert");
        await using var far = await Connect(nodes.B, "/hubs/consultation", token);
        await Call(far, "/hubs/consultation");

        if (change == "deactivate") await Admin("POST", $"/api/users/{userName}/deactivate", new { });
        else await Admin("PUT", $"/api/users/{userName}/roles", new { roles = new[] { "Official" } });

        // Node B learns of the change from the database's notification and closes the connection itself.
        await far.Ended;
        await Assert.ThrowsAnyAsync<Exception>(() => far.Connection.InvokeAsync("Watch", Guid.NewGuid()));
    }
}
