using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nq45Consult.Web.Printing;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Printing;

/// <summary>The printer itself: real Chromium, its turns (<see cref="PdfOptions.MaxConcurrentRenders"/>) and what it refuses.</summary>
public class ChromiumPdfTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private static Task Page(Stream output, CancellationToken cancellation) =>
        output.WriteAsync(Encoding.UTF8.GetBytes("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>t</title><p>Trang thử nghiệm in ấn</p></html>"), cancellation).AsTask();

    [Fact]
    public async Task A_render_that_gets_no_turn_within_the_queue_time_is_busy_and_the_turn_comes_back_after()
    {
        using var printer = new ChromiumPdf(Options.Create(new PdfOptions { MaxConcurrentRenders = 1, QueueSeconds = 1 }), NullLogger<ChromiumPdf>.Instance);
        var held = new HeldStream();
        // The first render holds the only turn while it copies its PDF into a stream that waits to be let go.
        var first = printer.Print(Page, held, CancellationToken.None);
        await held.Entered.Task.WaitAsync(Deadline);

        Assert.Equal(PdfOutcome.Busy, await printer.Print(Page, new MemoryStream(), CancellationToken.None));

        held.Release.SetResult();
        Assert.Equal(PdfOutcome.Printed, await first.WaitAsync(Deadline));
        var second = new MemoryStream();
        Assert.Equal(PdfOutcome.Printed, await printer.Print(Page, second, CancellationToken.None).WaitAsync(Deadline));
        Assert.Contains("Trang thử nghiệm in ấn", await PdfFiles.Text(second.ToArray()));
        Assert.Contains("Trang thử nghiệm in ấn", await PdfFiles.Text(held.ToArray()));
    }

    [Fact]
    public async Task Without_chromium_at_the_path_nothing_runs_and_the_outcome_says_not_installed()
    {
        using var printer = new ChromiumPdf(Options.Create(new PdfOptions { ChromiumPath = "/nonexistent/chromium" }), NullLogger<ChromiumPdf>.Instance);
        var output = new MemoryStream();
        Assert.False(printer.Installed);
        Assert.Equal(PdfOutcome.NotInstalled, await printer.Print(Page, output, CancellationToken.None));
        Assert.Equal(0, output.Length);
    }

    /// <summary>A stream whose first write waits until <see cref="Release"/> is set.</summary>
    private sealed class HeldStream : MemoryStream
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            await base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
