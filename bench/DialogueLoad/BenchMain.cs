// Load on one live dialogue session: N clients join, a moderator action's delivery latency to all of
// them, an upvote storm that must end with exact counts, and a bare broadcast hub as the baseline.
// Usage: dotnet run -c Release --project bench/DialogueLoad -- [clients=1000]
using System.Diagnostics;

namespace Nq45Consult.Bench.DialogueLoad;

public static class DialogueLoadMain
{
    public static async Task<int> Main(string[] args)
    {
        var clients = args.Length > 0 ? int.Parse(args[0]) : 1000;
        Console.WriteLine($"Clients: {clients}; processors: {Environment.ProcessorCount}");

        await using (var bare = await BareHub.Start())
        {
            var baseline = await bare.Measure(clients);
            Console.WriteLine($"Bare hub: connect {baseline.Connect.TotalSeconds:F1} s; broadcast p50 {baseline.P50:F0} ms, p99 {baseline.P99:F0} ms ({baseline.Deliveries} deliveries)");
        }

        await using var app = new DialogueBenchApp();
        var room = await app.Room();
        var sw = Stopwatch.StartNew();
        IReadOnlyList<Member> members;
        await using (new ThreadPoolSampler("join")) members = await room.JoinMany(clients);
        Console.WriteLine($"Dialogue: {members.Count} joined in {sw.Elapsed.TotalSeconds:F1} s");
        var latency = await room.ModeratorLatency(members, rounds: 5);
        Console.WriteLine($"Dialogue: moderator message delivery p50 {latency.P50:F0} ms, p99 {latency.P99:F0} ms ({latency.Deliveries} deliveries)");
        Storm storm;
        await using (new ThreadPoolSampler("storm")) storm = await room.UpvoteStorm(members);
        Console.WriteLine($"Dialogue: upvote storm {storm.Votes} votes in {storm.Elapsed.TotalSeconds:F1} s ({storm.Votes / storm.Elapsed.TotalSeconds:F0}/s); stored count {storm.Stored}, count seen by every client {(storm.AllSawExact ? "exact" : "NOT exact")}");
        await room.Leave(members);
        return storm.Stored == clients && storm.AllSawExact ? 0 : 1;
    }
}
