using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The acceptance table as a workbook: sheet "Tổng hợp" with one row per item (inline strings, written row by
/// row with <see cref="OpenXmlWriter"/>), sheet "Thông tin" with the preamble's lines.
/// </summary>
public static class XlsxReport
{
    public static string[] Cells(ReportRow r) =>
        [r.Number.ToString(), r.Group, r.Author, r.Stance, r.Feedback, r.ProposedText ?? "", r.Decision, r.Explanation,
            r.AddressedInVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""];

    /// <summary>Writes the workbook to <paramref name="output"/>, which must be seekable (a temporary file, not the response).</summary>
    public static async Task Write(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var table = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(table))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(Row(preamble.Headings.Table));
            await foreach (var row in rows.WithCancellation(cancellation)) writer.WriteElement(Row(Cells(row)));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        var about = workbook.AddNewPart<WorksheetPart>();
        about.Worksheet = new Worksheet(new SheetData(
            new[] { preamble.Consultation.Title, preamble.Consultation.DraftingAgency }.Concat(DocxReport.PreambleLines(preamble)).Select(line => Row([line]))));
        workbook.Workbook = new Workbook(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(table), SheetId = 1, Name = "Tổng hợp" },
            new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = "Thông tin" }));
    }

    private static Row Row(IEnumerable<string> cells) => new(cells.Select(text => new Cell
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(ReportText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }),
    }));
}
