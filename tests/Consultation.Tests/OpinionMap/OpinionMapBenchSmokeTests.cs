using Nq45Consult.Bench.OpinionMap;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

/// <summary>bench/OpinionMap in smoke mode: it completes, finds the planted three groups and agrees with Pol.is. No time is judged.</summary>
public class OpinionMapBenchSmokeTests
{
    [Fact]
    public void The_bench_runs_at_its_smallest_size_and_recovers_the_planted_groups()
    {
        var output = new StringWriter();

        var outcome = OpinionMapBench.Run(smoke: true, output);

        Assert.Equal(PlantedOpinions.Groups, outcome.Groups);
        Assert.True(outcome.PlantedAri >= 0.9, $"ARI {outcome.PlantedAri:F3}");
        Assert.All(outcome.Polis, c => Assert.True(c.Ari >= 0.8, $"{c.Conversation}: ARI {c.Ari:F3}"));
        Assert.Contains("smoke run, not timed", output.ToString());
    }
}
