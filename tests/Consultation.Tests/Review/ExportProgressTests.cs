using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Tests.Review;

public class ExportProgressTests
{
    /// <summary>Records readings as they are reported (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
    private sealed class Readings : IProgress<ExportProgress>
    {
        public List<ExportProgress> Seen { get; } = [];

        public void Report(ExportProgress value) => Seen.Add(value);
    }

    private static async IAsyncEnumerable<int> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task A_row_counts_as_written_once_the_writer_asks_for_the_next()
    {
        var readings = new Readings();
        var writtenWhenSeen = new List<int>();
        await foreach (var row in ExportProgress.Counting(Rows(3), 3, readings))
            writtenWhenSeen.Add(readings.Seen[^1].Written);
        // While row n is being written, only the n rows before it count.
        Assert.Equal([0, 1, 2], writtenWhenSeen);
        Assert.Equal([new(0, 3), new(1, 3), new(2, 3), new(3, 3)], readings.Seen);
    }

    [Fact]
    public async Task An_empty_export_reports_nothing_to_write_and_no_progress_is_fine()
    {
        var readings = new Readings();
        await foreach (var _ in ExportProgress.Counting(Rows(0), 0, readings)) Assert.Fail("no rows");
        Assert.Equal([new ExportProgress(0, 0)], readings.Seen);
        Assert.Equal([0, 1], await ExportProgress.Counting(Rows(2), 2, progress: null).ToListAsync());
    }
}
