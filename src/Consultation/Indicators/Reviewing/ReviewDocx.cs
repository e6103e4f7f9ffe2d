using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Indicators.Reviewing;

/// <summary>
/// The mid-term review as an administrative document (Decree 30/2020 page, the national header, as the acceptance report):
/// A4 landscape, the title "BÁO CÁO SƠ KẾT", the preamble, then one table row per indicator. A handful of rows: built whole.
/// </summary>
public static class ReviewDocx
{
    private const string TableSize = "22"; // half-points: 11 pt, for eleven columns across the page

    // Twentieths of a point: A4 landscape less the margins leaves 14,286.
    private static readonly int[] Widths = [500, 2000, 3600, 1000, 1100, 1050, 1100, 1050, 1100, 900, 886];

    public static Task Write(Stream output, MidTermReview review, IReadOnlyList<string> headings, CancellationToken cancellation = default) =>
        DocxReport.WritePackage(output, landscape: true, writer =>
        {
            foreach (var line in DocxReport.NationalHeader()) writer.WriteElement(line);
            writer.WriteElement(new Paragraph());
            writer.WriteElement(DocxReport.Text(MidTermReview.Title, bold: true, center: true));
            writer.WriteElement(DocxReport.Text(MidTermReview.Subject, bold: false, center: true));
            foreach (var line in review.PreambleLines()) writer.WriteElement(DocxReport.Text(line, bold: false, center: false));
            writer.WriteElement(Grid(headings, review.Rows.Select(Cells)));
            return Task.CompletedTask;
        }, cancellation);

    private static string[] Cells(ReviewRow r) =>
    [
        r.Number.ToString(MidTermReview.Vietnamese), r.Name, r.Definition, MidTermReview.Figure(r.Target, r.Measure),
        r.Deadline.ToString("dd/MM/yyyy", MidTermReview.Vietnamese), MidTermReview.Figure(r.FirstValue, r.Measure), MidTermReview.Day(r.FirstAt),
        MidTermReview.Figure(r.LatestValue, r.Measure), MidTermReview.Day(r.LatestAt), MidTermReview.Figure(r.Change, r.Measure),
        r.PercentOfTarget is { } percent ? percent.ToString("#,0.#", MidTermReview.Vietnamese) + " %" : "—",
    ];

    private static Table Grid(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4 };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Widths.Sum().ToString(MidTermReview.Vietnamese), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(Line<TopBorder>(), Line<BottomBorder>(), Line<LeftBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(MidTermReview.Vietnamese) })));
        table.Append(Row(headings, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var (text, width) in cells.Zip(Widths))
        {
            var run = new RunProperties(new FontSize { Val = TableSize });
            if (header) run.PrependChild(new Bold());
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(MidTermReview.Vietnamese), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new Run(run, new Text(ReportText.ForXml(text)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))));
        }
        return row;
    }
}
