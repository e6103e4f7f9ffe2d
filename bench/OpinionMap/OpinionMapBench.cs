using System.Diagnostics;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Bench.OpinionMap;

/// <summary>
/// Times a full opinion-map recomputation on a large sparse consultation with three planted groups and
/// reports how well the groups were recovered; then sets our groups beside Pol.is's on the two open-data
/// conversations. Smoke mode runs a small consultation once and checks the answers (the test suite runs it,
/// so the bench keeps working); it never judges a time.
/// </summary>
public static class OpinionMapBench
{
    public const int Participants = 5_000;
    public const int Statements = 1_000;
    public const int VotesEach = 20;
    public const int SmokeParticipants = 300;
    public const int SmokeStatements = 60;

    /// <param name="PlantedAri">Adjusted Rand index of the found groups against the planted ones (clustered participants).</param>
    public sealed record Outcome(int Groups, double PlantedAri, IReadOnlyList<PolisOpenData.Comparison> Polis);

    public static Outcome Run(bool smoke, TextWriter output)
    {
        var (participants, statements) = smoke ? (SmokeParticipants, SmokeStatements) : (Participants, Statements);
        var planted = PlantedOpinions.Build(participants, statements, VotesEach);
        var map = OpinionMapAnalysis.Analyse(planted.Votes);
        var ari = PlantedAri(planted, map);
        var size = $"{participants:N0} participants × {statements:N0} statements, {planted.Votes.VoteCount:N0} votes";
        if (smoke)
        {
            output.WriteLine($"{size}: {map.Groups.Count} groups, ARI {ari:F3} against the planted three (smoke run, not timed)");
        }
        else
        {
            var (median, p95, cpu) = Time(() => OpinionMapAnalysis.Analyse(planted.Votes));
            output.WriteLine($"{size}: {map.Groups.Count} groups, ARI {ari:F3} against the planted three");
            output.WriteLine($"Full recomputation: median {median:F0} ms, p95 {p95:F0} ms wall clock; {cpu:F0} ms CPU per run (load average {VoteRate.LoadAverage()})");
        }

        var polis = PolisOpenData.Conversations.Select(PolisOpenData.Compare).ToList();
        foreach (var c in polis)
        {
            output.WriteLine($"Pol.is {c.Conversation}: Pol.is {c.PolisGroups} groups, ours {c.OurGroups}; ARI {c.Ari:F3} over {c.Compared} participants both placed");
        }

        return new Outcome(map.Groups.Count, ari, polis);
    }

    private static double PlantedAri(PlantedOpinions.Consultation planted, OpinionMapResult map)
    {
        var grouped = map.Points.Where(p => p.GroupId is not null).ToList();
        var index = planted.Votes.ParticipantKeys.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i);
        return AdjustedRandIndex.Of(grouped.Select(p => planted.PlantedGroupOf[index[p.ParticipantKey]]).ToList(), grouped.Select(p => p.GroupId!.Value).ToList());
    }

    /// <returns>Wall-clock median and p95, and the mean CPU time per run: on a shared machine the wall clock
    /// mostly measures the queue for a core, the CPU time what the recomputation itself costs.</returns>
    private static (double Median, double P95, double Cpu) Time(Action recompute)
    {
        const int Warmup = 2;
        const int Runs = 10;
        for (var i = 0; i < Warmup; i++) recompute();
        var timings = new List<double>(Runs);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            recompute();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Runs;
        timings.Sort();
        return (timings[Runs / 2], timings[(int)Math.Ceiling(Runs * 0.95) - 1], cpu);
    }
}
