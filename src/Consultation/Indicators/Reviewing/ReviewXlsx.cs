using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Indicators.Reviewing;

/// <summary>
/// The mid-term review as a workbook: sheet "Sơ kết" with one row per indicator (values, change and percent as numbers,
/// so they can be charted and summed; dates as yyyy-MM-dd), sheet "Thông tin" with the title and preamble.
/// </summary>
public static class ReviewXlsx
{
    public static void Write(Stream output, MidTermReview review, IReadOnlyList<string> headings)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var table = workbook.AddNewPart<WorksheetPart>();
        table.Worksheet = new Worksheet(new SheetData(
            review.Rows.Select(r => new Row(
                NumberCell(r.Number), TextCell(r.Name), TextCell(r.Definition), NumberCell(r.Target), TextCell(Iso(r.Deadline)), NumberCell(r.FirstValue), TextCell(Iso(r.FirstAt)),
                NumberCell(r.LatestValue), TextCell(Iso(r.LatestAt)), NumberCell(r.Change), NumberCell(r.PercentOfTarget)))
            .Prepend(new Row(headings.Select(TextCell)))));
        var about = workbook.AddNewPart<WorksheetPart>();
        about.Worksheet = new Worksheet(new SheetData(
            new[] { MidTermReview.Title, MidTermReview.Subject }.Concat(review.PreambleLines()).Select(line => new Row(TextCell(line)))));
        workbook.Workbook = new Workbook(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(table), SheetId = 1, Name = "Sơ kết" },
            new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = "Thông tin" }));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Snapshots.IndicatorSnapshot.VietnamOffset).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(ReportText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A number cell, or an empty one when there is no value.</summary>
    private static Cell NumberCell(double? value) => value is { } v
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)) }
        : new Cell();
}
