using CsvHelper;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The acceptance table as CSV: UTF-8 with a byte order mark so Excel reads Vietnamese correctly, and cells
/// that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> escaped so a spreadsheet never runs them as formulas.
/// </summary>
public static class CsvReport
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static async Task Write(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation = default)
    {
        await using var csv = CsvWriter.Create(output, Options, true);
        await csv.WriteRecordAsync([.. XlsxReport.Columns], cancellation);
        await foreach (var row in rows.WithCancellation(cancellation)) await csv.WriteRecordAsync(XlsxReport.Cells(row), cancellation);
    }
}
