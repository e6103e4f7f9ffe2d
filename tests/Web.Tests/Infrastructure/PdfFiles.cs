using System.Diagnostics;
using System.Text;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// Reads a PDF the way a person would check it, with poppler-utils (installed by test.sh): its text (<c>pdftotext</c>),
/// its fonts (<c>pdffonts</c>) and its first page as a small grey image (<c>pdftoppm -gray -r 30</c>, a PGM read here).
/// </summary>
public static class PdfFiles
{
    /// <summary>The text of every page, in reading order.</summary>
    public static Task<string> Text(byte[] pdf) => Run(pdf, "pdftotext", file => ["-enc", "UTF-8", file, "-"]);

    /// <summary>The text with every run of white space (a line wrapped in a narrow cell) as one space.</summary>
    public static async Task<string> Words(byte[] pdf) => string.Join(' ', (await Text(pdf)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary><c>pdffonts</c>' table: one line per font after two header lines.</summary>
    public static async Task<IReadOnlyList<string>> Fonts(byte[] pdf) =>
        [.. (await Run(pdf, "pdffonts", file => [file])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

    /// <summary>Pixels of the first page (at 30 dpi) darker than light grey: zero for a blank page.</summary>
    public static async Task<int> InkedPixels(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("nq45-pdf-test-");
        try
        {
            var prefix = Path.Combine(folder.FullName, "page");
            await Run(pdf, "pdftoppm", file => ["-gray", "-r", "30", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
            var pgm = await File.ReadAllBytesAsync(prefix + ".pgm");
            // P5 <width> <height> <maxval>, one whitespace, then one byte per pixel.
            var (fields, at) = (new List<int>(), 2);
            while (fields.Count < 3)
            {
                while (char.IsWhiteSpace((char)pgm[at])) at++;
                var start = at;
                while (!char.IsWhiteSpace((char)pgm[at])) at++;
                fields.Add(int.Parse(Encoding.ASCII.GetString(pgm, start, at - start)));
            }
            var pixels = pgm.AsSpan(at + 1, fields[0] * fields[1]);
            var inked = 0;
            foreach (var value in pixels) if (value < 200) inked++;
            return inked;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> Run(byte[] pdf, string tool, Func<string, string[]> arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nq45-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, arguments(file)) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
