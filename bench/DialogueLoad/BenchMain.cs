// A provincial conference in one live room. The app, published as an operator deploys it, runs as its own process (or
// two nodes on a Redis backplane), the clients in this one, the bare hub baseline in a third; each phase prints the CPU
// seconds every process spent.
// Usage: dotnet run -c Release --project bench/DialogueLoad -- [clients=5000] [--nodes 2] [--smoke]
// --smoke: 20 clients, one node, every correctness check, no figure judged (the test suite runs it).
using System.Diagnostics;
using System.Reflection;

namespace Nq45Consult.Bench.DialogueLoad;

public static class DialogueLoadMain
{
    private const int SmokeClients = 20;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(BareHub.Argument))
        {
            await BareHub.Serve();
            return 0;
        }
        var smoke = args.Contains("--smoke");
        var nodeCount = args.SkipWhile(a => a != "--nodes").Skip(1).Select(int.Parse).FirstOrDefault(1);
        var clients = smoke ? SmokeClients : args.Where(a => a.All(char.IsAsciiDigit)).Select(int.Parse).FirstOrDefault(5000);
        var rounds = smoke ? 2 : 5;
        var configuration = typeof(DialogueLoadMain).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var repository = Repository();
        Console.WriteLine($"Clients: {clients}; app nodes: {nodeCount}; processors: {Environment.ProcessorCount}; load average: {File.ReadAllText("/proc/loadavg").Trim()}; build: {configuration}");

        var published = Stopwatch.StartNew();
        var app = await AppNode.Publish(repository, configuration);
        Console.WriteLine($"App published (ReadyToRun) to {Path.GetRelativePath(repository, app)} in {published.Elapsed.TotalSeconds:F0} s");

        var failures = new List<string>();
        await using var bare = new Child(new ProcessStartInfo("dotnet", [Assembly.GetEntryAssembly()!.Location, BareHub.Argument]));
        var bareAddress = new Uri(await bare.FirstLine.WaitAsync(TimeSpan.FromMinutes(1)));
        await using var redis = nodeCount > 1 ? await Redis.Start() : null;
        var nodes = new List<AppNode>();
        try
        {
            nodes.Add(await AppNode.Start(repository, app, null, redis?.Address));
            for (var i = 1; i < nodeCount; i++) nodes.Add(await AppNode.Start(repository, app, nodes[0], redis?.Address));
            var processes = new Dictionary<string, Func<double>>();
            for (var i = 0; i < nodes.Count; i++)
            {
                var pid = nodes[i].Pid;
                processes[nodes.Count == 1 ? "app" : $"app{i + 1}"] = () => ProcStat.CpuSeconds(pid);
            }
            var pgData = nodes[0].PostgresData;
            processes["PostgreSQL"] = () => ProcStat.PostgresCpuSeconds(pgData);
            if (redis is not null) processes["redis"] = () => ProcStat.CpuSeconds(redis.Pid);
            processes["bare hub"] = () => ProcStat.CpuSeconds(bare.Id);
            processes["clients"] = () => ProcStat.CpuSeconds(Environment.ProcessId);
            var meter = new Meter(processes);

            var baseline = await BareHub.Measure(bareAddress, clients, rounds, meter);
            Console.WriteLine($"Bare hub: connect {baseline.Connect.TotalSeconds:F1} s; broadcast p50 {baseline.Broadcast.P50:F0} ms, p99 {baseline.Broadcast.P99:F0} ms ({baseline.Broadcast.Deliveries} deliveries); acknowledged calls per storm {string.Join(", ", baseline.AcksPerSecond.Select(r => $"{r:F0}/s"))}, median {Clients.Median(baseline.AcksPerSecond):F0}/s");

            var clock = Stopwatch.StartNew();
            IReadOnlyList<Member> members;
            using (meter.Phase("register accounts"))
                members = await LiveRoom.Register(nodes[0], nodes, clients);
            using (meter.Phase("sign in"))
                await Clients.Batched(members.Count, 8, async i => members[i].Token = await LiveRoom.SignIn(members[i].Node, members[i].UserName, LiveRoom.Password));
            var room = await LiveRoom.Open(nodes, clock);
            var rssBefore = nodes.Sum(n => ProcStat.ResidentBytes(n.Pid));
            TimeSpan join;
            using (meter.Phase("join"))
            {
                var sw = Stopwatch.StartNew();
                await Clients.Batched(members.Count, Clients.JoinParallelism, async i => { await room.Enter(members[i], resync: false); return 0; });
                join = sw.Elapsed;
            }
            var perConnection = (nodes.Sum(n => ProcStat.ResidentBytes(n.Pid)) - rssBefore) / (double)clients;
            Console.WriteLine($"Dialogue: {clients} joined in {join.TotalSeconds:F1} s ({join / baseline.Connect:F2}× bare connect; goal ≤ 1.5×); app memory {perConnection / 1024:F0} KiB per connection (resident, all nodes)");

            (Latency Latency, bool AllReached) latency;
            using (meter.Phase("moderator messages")) latency = await room.ModeratorLatency(clients, rounds);
            Console.WriteLine($"Dialogue: moderator message → every client p50 {latency.Latency.P50:F0} ms, p99 {latency.Latency.P99:F0} ms ({latency.Latency.Deliveries} deliveries; p99 {latency.Latency.P99 / baseline.Broadcast.P99:F2}× bare; goal ≤ 1.25×)");
            if (!latency.AllReached) failures.Add("a moderator message did not reach every client");

            var rates = new List<double>();
            for (var number = 1; number <= Clients.Storms; number++)
            {
                LiveRoom.Storm storm;
                using (meter.Phase($"upvote storm {number}")) storm = await room.UpvoteStorm(members, number);
                rates.Add(storm.Votes / storm.Elapsed.TotalSeconds);
                var bareRate = baseline.AcksPerSecond[number - 1];
                Console.WriteLine($"Dialogue: upvote storm {number}: {storm.Votes} votes in {storm.Elapsed.TotalSeconds:F2} s ({rates[^1]:F0}/s, {rates[^1] / bareRate:F2}× the bare hub's storm {number}, {bareRate:F0} calls/s); stored {storm.Stored}; clients ending with the exact count {storm.ClientsWithExactCount}/{clients}");
                if (storm.Stored != clients) failures.Add($"storm {number}: {storm.Stored} votes stored, not {clients}");
                if (storm.ClientsWithExactCount != clients) failures.Add($"storm {number}: {clients - storm.ClientsWithExactCount} clients did not end with the exact count");
            }
            var (median, bareMedian) = (Clients.Median(rates), Clients.Median(baseline.AcksPerSecond));
            Console.WriteLine($"Dialogue: upvote storms, median {median:F0} votes/s = {median / bareMedian:F2}× the bare hub's median {bareMedian:F0} calls/s (goal ≥ 0.5×)");

            LiveRoom.Reconnect reconnect;
            using (meter.Phase("reconnect storm")) reconnect = await room.ReconnectStorm(members);
            Console.WriteLine($"Dialogue: reconnect storm, all {clients} dropped and resynced in {reconnect.Elapsed.TotalSeconds:F1} s while the moderator said {reconnect.MessagesSent} messages; clients missing one {reconnect.ClientsMissing}, clients that got one twice {reconnect.ClientsWithRepeats} (the room's script drops those by seq)");
            if (reconnect.ClientsMissing > 0) failures.Add($"{reconnect.ClientsMissing} clients missed a message across the reconnect");

            await room.Leave(members);
        }
        finally
        {
            // Later nodes first: the first one stops the cluster the others use.
            for (var i = nodes.Count - 1; i >= 0; i--) await nodes[i].DisposeAsync();
        }

        foreach (var failure in failures) Console.WriteLine($"FAILED: {failure}");
        if (failures.Count == 0) Console.WriteLine(smoke ? "Smoke run: every check held." : "Every check held.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nq45Consult.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run from inside the repository (Nq45Consult.sln not found above the bench's folder).");
    }
}
