using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>The baseline: a hub that only broadcasts, in its own Kestrel app in this process.</summary>
public sealed class BareHub : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareHub(WebApplication app) => this.app = app;

    public static async Task<BareHub> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<Broadcaster>("/bare");
        await app.StartAsync();
        return new BareHub(app);
    }

    public async Task<Latency> Measure(int clients)
    {
        var hub = new Uri(new Uri(app.Urls.First()), "/bare");
        var sw = Stopwatch.StartNew();
        var received = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var connections = await Connections.Batched(clients, 50, async _ =>
        {
            var c = Connections.To(hub);
            c.On<long>("tick", sent => received.Add((clock.ElapsedTicks - sent) * 1000.0 / Stopwatch.Frequency));
            await c.StartAsync();
            return c;
        });
        var connect = sw.Elapsed;
        for (var round = 0; round < 5; round++)
        {
            var before = received.Count;
            await connections[0].InvokeAsync("Broadcast", clock.ElapsedTicks);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (received.Count < before + clients && DateTime.UtcNow < deadline) await Task.Delay(5);
        }
        await Connections.Batched(clients, 100, async i => { await connections[i].DisposeAsync(); return 0; });
        return Latency.Of(received, connect);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class Broadcaster : Hub
    {
        public Task Broadcast(long sent) => Clients.All.SendAsync("tick", sent);
    }
}
