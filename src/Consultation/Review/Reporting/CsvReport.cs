using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The acceptance table as CSV: UTF-8 with a byte order mark so Excel reads Vietnamese correctly, and cells
/// that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> escaped so a spreadsheet never runs them as formulas.
/// </summary>
public static class CsvReport
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static async Task Write(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration);
        await Record(csv, preamble.Headings.Table);
        await foreach (var row in rows.WithCancellation(cancellation)) await Record(csv, XlsxReport.Cells(row));
    }

    private static async Task Record(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells) csv.WriteField(cell);
        await csv.NextRecordAsync();
    }
}
