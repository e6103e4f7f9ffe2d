using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Web.Printing;

/// <summary>What became of a render: printed, or why not (each answered 503 by <see cref="PdfProblems"/>).</summary>
public enum PdfOutcome { Printed, NotInstalled, Busy, Failed }

/// <summary>
/// Prints an HTML page to PDF with headless Chromium (<c>--print-to-pdf</c>, no header or footer): the page is written
/// to a temporary folder, Chromium runs on it with a profile of its own in that folder, the PDF is copied to the output
/// and the folder removed. At most <see cref="PdfOptions.MaxConcurrentRenders"/> Chromium processes run at once; a
/// render that cannot start within <see cref="PdfOptions.QueueSeconds"/> is <see cref="PdfOutcome.Busy"/>.
/// </summary>
public sealed class ChromiumPdf(IOptions<PdfOptions> options, ILogger<ChromiumPdf> logger) : IDisposable
{
    private readonly PdfOptions settings = options.Value;
    private readonly SemaphoreSlim turns = new(options.Value.MaxConcurrentRenders, options.Value.MaxConcurrentRenders);

    public bool Installed => File.Exists(settings.ChromiumPath);

    /// <summary>Writes the page with <paramref name="page"/>, prints it and copies the PDF to <paramref name="output"/>.</summary>
    public async Task<PdfOutcome> Print(Func<Stream, CancellationToken, Task> page, Stream output, CancellationToken cancellation)
    {
        if (!Installed) return PdfOutcome.NotInstalled;
        var folder = Directory.CreateTempSubdirectory("nq45-pdf-");
        try
        {
            var html = Path.Combine(folder.FullName, "page.html");
            await using (var file = new FileStream(html, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                await page(file, cancellation);
            if (!await turns.WaitAsync(TimeSpan.FromSeconds(settings.QueueSeconds), cancellation)) return PdfOutcome.Busy;
            try
            {
                var pdf = Path.Combine(folder.FullName, "page.pdf");
                if (!await Run(html, pdf, folder.FullName, cancellation)) return PdfOutcome.Failed;
                await using var printed = new FileStream(pdf, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
                await printed.CopyToAsync(output, cancellation);
                return PdfOutcome.Printed;
            }
            finally
            {
                turns.Release();
            }
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Removing the PDF work folder {Folder} failed", folder.FullName);
            }
        }
    }

    private async Task<bool> Run(string html, string pdf, string folder, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(settings.ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-breakpad", "--mute-audio",
            $"--user-data-dir={Path.Combine(folder, "profile")}", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) if (errors.Length < 8_000) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellation.ThrowIfCancellationRequested();
            logger.LogWarning("Chromium did not print {Page} within {Seconds} s; stopped", html, settings.TimeoutSeconds);
            return false;
        }
        if (process.ExitCode == 0 && File.Exists(pdf)) return true;
        lock (errors) logger.LogError("Chromium failed to print {Page} (exit code {ExitCode}): {Errors}", html, process.ExitCode, errors.ToString());
        return false;
    }

    public void Dispose() => turns.Dispose();
}
