using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>
/// The baseline: a hub that only broadcasts and acknowledges, nothing stored, no sign-in, in a process of its own
/// (this bench's executable with <c>--bare-hub</c>), so that its CPU is counted apart from the clients'.
/// </summary>
public static class BareHub
{
    public const string Argument = "--bare-hub";

    /// <summary>The child process: serves until stopped; its first line is its address.</summary>
    public static async Task Serve()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<Broadcaster>("/bare");
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await app.WaitForShutdownAsync();
    }

    /// <summary><paramref name="AcksPerSecond"/>: the rate of each call storm, in order.</summary>
    public sealed record Figures(TimeSpan Connect, Latency Broadcast, double[] AcksPerSecond);

    /// <summary>Connects the clients as the room's clients connect, broadcasts, then has every client call once.</summary>
    public static async Task<Figures> Measure(Uri address, int clients, int rounds, Meter meter)
    {
        var hub = new Uri(address, "/bare");
        var received = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        HubConnection[] connections;
        TimeSpan connect;
        using (meter.Phase("bare: connect"))
        {
            var sw = Stopwatch.StartNew();
            connections = await Clients.Batched(clients, Clients.JoinParallelism, async _ =>
            {
                var c = Clients.Connect(hub, null);
                c.On<long>("tick", sent => received.Add(Clients.Ms(clock, sent)));
                await c.StartAsync();
                return c;
            });
            connect = sw.Elapsed;
        }
        using (meter.Phase("bare: broadcast"))
        {
            for (var round = 0; round < rounds; round++)
            {
                var before = received.Count;
                await connections[0].InvokeAsync("Broadcast", clock.ElapsedTicks);
                await Clients.Until(() => received.Count >= before + clients, TimeSpan.FromSeconds(60));
            }
        }
        var rates = new double[Clients.Storms];
        for (var storm = 0; storm < rates.Length; storm++)
            using (meter.Phase($"bare: call storm {storm + 1}"))
            {
                var sw = Stopwatch.StartNew();
                await Clients.Batched(clients, Clients.StormParallelism, i => connections[i].InvokeAsync<int>("Ack", i));
                rates[storm] = clients / sw.Elapsed.TotalSeconds;
            }
        await Clients.Batched(clients, 100, async i => { await connections[i].DisposeAsync(); return 0; });
        return new Figures(connect, Latency.Of(received), rates);
    }

    private sealed class Broadcaster : Hub
    {
        public Task Broadcast(long sent) => Clients.All.SendAsync("tick", sent);

        public int Ack(int value) => value;
    }
}
