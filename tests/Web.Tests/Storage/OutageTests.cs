using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts.Caching;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Storage;

/// <summary>
/// PostgreSQL stopped and started again under the running app while experts keep submitting: refused calls are 503
/// with <c>Retry-After</c>, pages and hubs say so plainly, and afterwards the app works again by itself with every
/// acknowledged write kept, and the background work (account cache, outbox sender) is back. One test walks through the
/// whole outage, since each step depends on the one before.
/// </summary>
public sealed class OutageTests(OutageApp app) : IClassFixture<OutageApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly string[] Writers = ["expert1", "expert2", "expert3"];

    [Fact]
    public async Task A_database_restart_under_running_writers_loses_no_acknowledged_write_and_the_app_recovers_by_itself()
    {
        var (consultation, sections) = await app.Consultation();
        var moderator = await app.As("moderator");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var hub = await WatchingHub("expert1");
        await hub.InvokeAsync("Watch", consultation);
        var cache = app.Services.GetRequiredService<AccountCache>();
        await Until(() => Task.FromResult(cache.Listening), "the account cache listens");

        var acknowledged = new ConcurrentBag<Guid>();
        var refusals = new ConcurrentBag<HttpResponseMessage>();
        var unexpected = new ConcurrentBag<string>();
        using var stopWriting = new CancellationTokenSource();
        // Every writer signs in before any writes: one fast writer can reach the outage while another still signs in.
        var clients = new Dictionary<string, HttpClient>();
        foreach (var author in Writers) clients[author] = await app.As(author);
        var writers = Writers.Select(author => Task.Run(async () =>
        {
            var client = clients[author];
            for (var n = 0; !stopWriting.IsCancellationRequested; n++)
            {
                var response = await client.PostAsJsonAsync($"/api/consultations/{consultation}/feedback",
                    FeedbackFixture.Feedback(sections[n % sections.Count].Anchor, $"{author} #{n}"));
                if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await response.Content.ReadFromJsonAsync<Created>())!.Id);
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable) refusals.Add(response);
                else unexpected.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        })).ToList();

        await Until(() => Task.FromResult(acknowledged.Count >= 20), "writes are acknowledged before the outage");
        app.StopDatabase();

        // Down: writes are refused, everything else says so plainly.
        await Until(() => Task.FromResult(refusals.Count >= 10), "writes are refused during the outage");
        var refused = refusals.First();
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a delay");

        var read = await moderator.GetAsync($"/api/consultations/{consultation}/feedback");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.NotNull(read.Headers.RetryAfter);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

        var vietnamese = await Page(anonymous, "/consultations");
        Assert.Contains("<html lang=\"vi\">", vietnamese);
        Assert.Contains("Tạm thời không phục vụ được", vietnamese);
        Assert.Empty(await HtmlValidator.Problems(vietnamese));
        var english = await Page(anonymous, "/consultations?culture=en");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Temporarily unavailable", english);

        // Once the cache has stopped listening, every hub call reads the account from the database.
        await Until(() => Task.FromResult(!cache.Listening), "the account cache notices the lost connection");
        var hubError = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Watch", consultation));
        Assert.Contains("cơ sở dữ liệu", hubError.Message);

        // Up again, with no restart of the app: writes go through again, and every part that holds a connection is back.
        var beforeRestart = acknowledged.Count;
        app.StartDatabase();
        await Until(() => Task.FromResult(acknowledged.Count >= beforeRestart + 20), "writes are acknowledged after the outage");
        await stopWriting.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(unexpected);
        await Until(async () => (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "ready again");
        await Until(() => Task.FromResult(cache.Listening), "the account cache listens again");
        await hub.InvokeAsync("Watch", consultation);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/consultations")).StatusCode);
        var (invitedTo, _) = await app.Consultation(open: false);
        Assert.True((await app.Commands.Invite(invitedTo, ["expert1"], "moderator")).Decision!.Accepted);
        var title = (await app.Details(invitedTo)).Title;
        await Until(() => Task.FromResult(app.Smtp.Received.Any(m => m.Subject?.Contains(title) == true)), "the outbox's sender delivers again");

        // Every acknowledged write is stored, and nothing refused was stored by halves: the counters match the items.
        var stored = (await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback"))
            .EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Subset(stored, acknowledged.ToHashSet());
        var summary = await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/summary");
        Assert.Equal(stored.Count, summary!.GetProperty("totals").GetProperty("feedback").GetInt32());
        await hub.DisposeAsync();
    }

    private static async Task<string> Page(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HubConnection> WatchingHub(string userName)
    {
        await app.As(userName);
        var token = app.TokenOf(userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, Web.Feedback.ConsultationHub.Path), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellation);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still waiting, after {Patience.TotalSeconds} s, until {what}.");
            await Task.Delay(100);
        }
    }
}
