using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>How the bench's clients connect and pace themselves, the same for the app and the bare hub.</summary>
public static class Clients
{
    /// <summary>Connections opened at once while a room fills (a hall's people arriving, not one burst).</summary>
    public const int JoinParallelism = 32;

    /// <summary>Calls in flight at once during a storm.</summary>
    public const int StormParallelism = 256;

    /// <summary>
    /// Storms per run, on the bare hub and in the room (a question each). A storm of 5,000 calls takes the bare hub
    /// half a second, and single ones varied by 2 × between runs on the quiet machine: the goal compares the medians.
    /// The first storm is a fresh process's, whose runtime still recompiles the hot path while it runs.
    /// </summary>
    public const int Storms = 5;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// Patience of a client with a slow server: the 15 s default handshake timeout ended a 5,000-client run on a
    /// saturated machine (the app got 0.1 of a core) at its join, where a person would have waited or retried.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static HubConnection Connect(Uri hub, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithServerTimeout(Patience)
            .Build();
        connection.HandshakeTimeout = Patience;
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1, at most <paramref name="parallel"/> at once.</summary>
    public static async Task<T[]> Batched<T>(int count, int parallel, Func<int, Task<T>> work)
    {
        var results = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, _) => results[i] = await work(i));
        return results;
    }

    /// <summary>Waits for <paramref name="done"/>; false when <paramref name="limit"/> passed first (the caller reports what is missing).</summary>
    public static async Task<bool> Until(Func<bool> done, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > limit) return false;
            await Task.Delay(5);
        }
        return true;
    }

    public static double Ms(Stopwatch clock, long sentTicks) => (clock.ElapsedTicks - sentTicks) * 1000.0 / Stopwatch.Frequency;
}

public sealed record Latency(double P50, double P99, int Deliveries)
{
    public static Latency Of(IReadOnlyCollection<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new(At(0.5), At(0.99), sorted.Length);
    }
}

/// <summary>
/// CPU seconds each process spent in a phase (app nodes, their PostgreSQL, the bare hub, these clients): the
/// machine is shared, so wall time alone does not say what a phase cost.
/// </summary>
public sealed class Meter(IReadOnlyDictionary<string, Func<double>> processes)
{
    public IDisposable Phase(string name) => new Running(this, name);

    private Dictionary<string, double> Now() => processes.ToDictionary(p => p.Key, p => p.Value());

    private sealed class Running : IDisposable
    {
        private readonly Meter meter;
        private readonly string name;
        private readonly Dictionary<string, double> start;
        private readonly Stopwatch wall = Stopwatch.StartNew();

        public Running(Meter meter, string name) => (this.meter, this.name, start) = (meter, name, meter.Now());

        public void Dispose()
        {
            var end = meter.Now();
            var spent = string.Join(", ", end.Select(p => $"{p.Key} {p.Value - start[p.Key]:F1}"));
            Console.WriteLine($"  [{name}] {wall.Elapsed.TotalSeconds:F1} s wall; CPU s: {spent}");
        }
    }
}
