using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// Two admins, the only active ones, take the Admin role from each other (or deactivate each other, or step down
/// themselves) at the same instant, over real HTTP: exactly one side may win. The class has its own database because
/// it demotes the demo admin; the other account tests rely on "admin" staying the one active admin.
/// </summary>
public class LastAdminRaceTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private const string Password = "Mat-khau-2026!";
    private const int Rounds = 16; // every pair of the four moves
    private const int CopiesPerSide = 3;

    /// <summary>What one side sends, given its own user name (me) and the other side's (them).</summary>
    private sealed record Move(string Name, Func<HttpClient, string, string, Task<HttpResponseMessage>> Send);

    private static readonly Move[] Moves =
    [
        new("demotes the other", (client, _, them) => client.PutAsJsonAsync($"/api/users/{them}/roles", new { roles = new[] { "Expert" } })),
        new("deactivates the other", (client, _, them) => client.PostAsJsonAsync($"/api/users/{them}/deactivate", new { reason = "Thử tranh chấp" })),
        new("steps down", (client, me, _) => client.PutAsJsonAsync($"/api/users/{me}/roles", new { roles = Array.Empty<string>() })),
        new("deactivates self", (client, me, _) => client.PostAsJsonAsync($"/api/users/{me}/deactivate", new { })),
    ];

    private Task<HttpClient> As(string userName, string password = Password) => app.CreateClient().SignedInAs(userName, password);

    private static async Task CreateAdmin(HttpClient by, string userName)
    {
        var response = await by.PostAsJsonAsync("/api/users", new { userName, displayName = "Quản trị thử", email = $"{userName}@vusta.example.vn", roles = new[] { "Admin" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string[]> ActiveAdmins(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/api/users?role=admin&active=true"))
            .EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).Order()];

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_always_leave_exactly_one_active_admin()
    {
        var current = await As("admin", ConsultationApp.DemoPassword);
        var currentName = "admin";
        for (var round = 0; round < Rounds; round++)
        {
            // A fresh pair each round; whoever is left from the last round hands over and steps down, so the pair are the only active admins.
            var (a, b) = ($"race{round}.a", $"race{round}.b");
            await CreateAdmin(current, a);
            await CreateAdmin(current, b);
            Assert.Equal(HttpStatusCode.OK, (await current.PutAsJsonAsync($"/api/users/{currentName}/roles", new { roles = new[] { "Expert" } })).StatusCode);
            var clientA = await As(a);
            var clientB = await As(b);
            Assert.Equal([a, b], await ActiveAdmins(clientA));

            // Every pair of moves over the rounds, each side first in turn, several copies of each request in flight together.
            var (moveA, moveB) = (Moves[round % Moves.Length], Moves[round / Moves.Length % Moves.Length]);
            var sends = new List<Task<(string Side, HttpStatusCode Status)>>();
            for (var copy = 0; copy < CopiesPerSide; copy++)
            {
                foreach (var side in (round + copy) % 2 == 0 ? new[] { a, b } : [b, a])
                {
                    var (client, move, me, them) = side == a ? (clientA, moveA, a, b) : (clientB, moveB, b, a);
                    sends.Add(Task.Run(async () => (side, (await move.Send(client, me, them)).StatusCode)));
                }
            }
            var answers = await Task.WhenAll(sends);

            var context = $"round {round}: {a} {moveA.Name}, {b} {moveB.Name}; answers {string.Join(", ", answers.Select(x => $"{x.Side}={(int)x.Status}"))}";
            Assert.True(answers.All(x => x.Status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), context);
            Assert.True(answers.Any(x => x.Status == HttpStatusCode.OK), context);
            // Exactly one of the two may still administer, and it sees itself as the one active admin.
            var lists = await Task.WhenAll(new[] { (Name: a, Client: clientA), (Name: b, Client: clientB) }
                .Select(async x => (x.Name, x.Client, Answer: await x.Client.GetAsync("/api/users?role=admin&active=true"))));
            var survivors = lists.Where(x => x.Answer.StatusCode == HttpStatusCode.OK).ToArray();
            Assert.True(survivors.Length == 1, context);
            var survivor = survivors[0];
            Assert.True(new[] { survivor.Name }.SequenceEqual((await survivor.Answer.JsonAsync()).EnumerateArray().Select(u => u.GetProperty("userName").GetString())), context);
            (current, currentName) = (survivor.Client, survivor.Name);
        }
    }
}
