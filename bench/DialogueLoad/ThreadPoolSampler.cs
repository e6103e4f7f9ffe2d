using System.Diagnostics;

namespace Nq45Consult.Bench.DialogueLoad;

/// <summary>
/// Samples the thread pool and this process's CPU time while a phase runs, to tell a starved pool
/// (work items queue up) from a serialised writer (queue short, throughput low), and — as the 2 cores
/// are shared with other builds — to give the CPU seconds a phase cost, which wall time does not.
/// </summary>
public sealed class ThreadPoolSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly List<(long Pending, int Threads)> samples = [];
    private readonly TimeSpan startCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch wall = Stopwatch.StartNew();

    public ThreadPoolSampler(string phase)
    {
        Phase = phase;
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await timer.WaitForNextTickAsync(stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
                samples.Add((ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
        });
    }

    public string Phase { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        var pending = samples.Count == 0 ? 0 : samples.Max(s => s.Pending);
        var threads = samples.Count == 0 ? 0 : samples.Max(s => s.Threads);
        Console.WriteLine(
            $"  [{Phase}] CPU {cpu.TotalSeconds:F1} s of this process, {cpu.TotalSeconds / wall.Elapsed.TotalSeconds:F2} cores busy on average; " +
            $"thread pool: at most {pending} queued work items, {threads} threads");
    }
}
