using Nq45Consult.TestSupport.Bench;

namespace Nq45Consult.Consultation.Tests.Bench;

/// <summary>
/// Every harness in bench/ at its smallest size, through <see cref="BenchSmoke"/>: it completes and its own checks
/// hold (counts exact, nothing lost). No time is judged. One class, so the harnesses run one after another.
/// (bench/DraftParsing runs in-process: Drafts/DraftParsingBenchSmokeTests.)
/// </summary>
public class BenchSmokeTests
{
    [Theory]
    [InlineData("ConsultationPage")]
    [InlineData("DialogueLoad")]
    [InlineData("DuplicateGroups")]
    [InlineData("FeedbackLoad")]
    [InlineData("OpinionMap")]
    [InlineData("RegistryLoad")]
    [InlineData("ReviewLoad")]
    [InlineData("Search")]
    [InlineData("Startup")]
    public async Task The_harness_completes_in_smoke_mode_with_its_checks_held(string bench)
    {
        var run = await BenchSmoke.Of(bench);

        Assert.True(run.Passed, run.Output);
    }
}
