using Nq45Consult.Bench.DraftParsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

/// <summary>bench/DraftParsing in smoke mode: it completes and every input gives the sections it was built for. No time is judged.</summary>
public class DraftParsingBenchSmokeTests
{
    [Fact]
    public void The_bench_runs_at_its_smallest_size_with_the_right_counts()
    {
        var output = new StringWriter();

        var cases = DraftParsingBench.Run(smoke: true, output);

        Assert.Equal(
            [DraftParsingBench.SmokeMarkdownSections, SyntheticLaw.SectionsOf(DraftParsingBench.SmokeLawArticles), SyntheticLaw.SectionsOf(DraftParsingBench.SmokeLawArticles)],
            cases.Select(c => c.Sections));
        Assert.Equal(36, SyntheticLaw.SectionsOf(DraftParsingBench.SmokeLawArticles));
        Assert.Contains("as .docx", output.ToString());
    }
}
