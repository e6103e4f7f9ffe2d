using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The acceptance report as agencies file it (Decree 30/2020 layout): A4 landscape, Times New Roman 13 pt, margins
/// 20 mm top and bottom, 30 mm left, 15 mm right; the two-column letterhead (issuing body and number | national motto,
/// place and date), the title, the preamble with counts, the five-column table grouped by section, then the signature
/// block beside "Nơi nhận". Rows are written one at a time with <see cref="OpenXmlWriter"/>, never built up as a DOM.
/// </summary>
public static class DocxReport
{
    private const string Font = "Times New Roman";
    private const string BodySize = "26"; // half-points: 13 pt
    private const string TableSize = "24"; // 12 pt
    private const string RecipientsSize = "22"; // 11 pt

    /// <summary>Page margins in twentieths of a point (1 mm = 56.7): 20 mm top and bottom, 30 mm left, 15 mm right (Decree 30/2020).</summary>
    public const int MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 851;

    // Twentieths of a point: A4 landscape (16,838) less the margins leaves 14,286.
    private static readonly int[] Widths = [700, 2400, 2200, 4493, 4493];
    private static readonly int[] HalfWidths = [5600, 8686];

    /// <summary>
    /// Writes the report to <paramref name="output"/>. The package is assembled by hand as a zip written front to
    /// back (the SDK's package would keep the whole document part in memory until closed), with the document part
    /// streamed by <see cref="OpenXmlWriter"/>: memory stays flat however many rows.
    /// </summary>
    public static Task Write(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation = default) =>
        WritePackage(output, landscape: true, async writer =>
        {
            foreach (var paragraph in Heading(preamble)) writer.WriteElement(paragraph);
            writer.WriteStartElement(new Table());
            writer.WriteElement(TableLayout());
            writer.WriteElement(new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString() })));
            writer.WriteElement(Row(preamble.Headings.Document, header: true));
            string? group = null;
            await foreach (var row in rows.WithCancellation(cancellation))
            {
                if (row.Group != group) writer.WriteElement(GroupRow(group = row.Group));
                writer.WriteElement(Row([row.Number.ToString(), row.Group, row.Author, row.FeedbackCell, row.ResponseCell], header: false));
            }
            writer.WriteEndElement();
            writer.WriteElement(new Paragraph());
            preamble.OpinionMap?.Write(writer);
            writer.WriteElement(Signature(preamble.Letterhead));
        }, cancellation);

    /// <summary>An A4 document (Times New Roman) whose body <paramref name="body"/> writes; shared with the critique report.</summary>
    public static async Task WritePackage(Stream output, bool landscape, Func<OpenXmlWriter, Task> body, CancellationToken cancellation = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await Entry(zip, "[Content_Types].xml", ContentTypes, cancellation);
        await Entry(zip, "_rels/.rels", PackageRelationships, cancellation);
        await Entry(zip, "word/_rels/document.xml.rels", DocumentRelationships, cancellation);
        await Entry(zip, "word/styles.xml", DefaultStyles().OuterXml, cancellation);
        await using var part = await zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).OpenAsync(cancellation);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        await body(writer);
        writer.WriteElement(new SectionProperties(
            landscape
                ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = (uint)MarginRight, Header = 720, Footer = 720, Gutter = 0 }));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The national header block of administrative documents (Decree 30/2020).</summary>
    public static IEnumerable<Paragraph> NationalHeader()
    {
        yield return Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true);
        yield return Text("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, underline: true);
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    private const string DocumentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private static async Task Entry(ZipArchive zip, string name, string xml, CancellationToken cancellation)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellation);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellation);
    }

    public const string Title = "BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";

    private static IEnumerable<OpenXmlElement> Heading(ReportPreamble p)
    {
        var letterhead = p.Letterhead;
        yield return TwoColumns(
            [Line(letterhead.IssuingBody, bold: true, center: true), Line(letterhead.NumberLine, center: true)],
            [.. NationalHeader(), Line(letterhead.PlaceDateLine, italic: true, center: true)]);
        yield return new Paragraph();
        yield return Text(Title, bold: true, center: true);
        yield return Text($"đối với dự thảo {p.Consultation.Title}", bold: false, center: true);
        foreach (var line in PreambleLines(p)) yield return Text(line, bold: false, center: false);
    }

    /// <summary>"Nơi nhận" on the left, the signer's position, the space to sign and the name on the right.</summary>
    private static Table Signature(Letterhead letterhead) => TwoColumns(
        [Line(Letterhead.RecipientsHeading, bold: true, italic: true, size: TableSize),
            .. letterhead.Recipients.Select(r => Line($"- {r}", size: RecipientsSize))],
        [.. letterhead.SignerPosition.Select(line => Line(line, bold: true, center: true)),
            new Paragraph(), new Paragraph(), new Paragraph(),
            Line(letterhead.SignerName, bold: true, center: true)]);

    /// <summary>A borderless two-column table (letterhead, signature block).</summary>
    internal static Table TwoColumns(IReadOnlyList<Paragraph> left, IReadOnlyList<Paragraph> right) => new(
        new TableProperties(new TableWidth { Width = HalfWidths.Sum().ToString(), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(HalfWidths.Select(w => new GridColumn { Width = w.ToString() })),
        new TableRow(
            new TableCell([new TableCellProperties(new TableCellWidth { Width = HalfWidths[0].ToString(), Type = TableWidthUnitValues.Dxa }), .. left]),
            new TableCell([new TableCellProperties(new TableCellWidth { Width = HalfWidths[1].ToString(), Type = TableWidthUnitValues.Dxa }), .. right])));

    /// <summary>The preamble's sentences; the XLSX report writes the same lines above its table.</summary>
    public static IEnumerable<string> PreambleLines(ReportPreamble p)
    {
        var invited = p.ExpertsInvited > 0
            ? $"Đã gửi lấy ý kiến {p.ExpertsInvited} chuyên gia được mời; {p.InvitedWhoReplied} chuyên gia được mời đã có ý kiến ({p.ExpertsInvited - p.InvitedWhoReplied} chuyên gia không có ý kiến, được coi là đồng ý)."
            : "Dự thảo được đăng công khai để mọi chuyên gia góp ý.";
        yield return invited;
        yield return $"Tổng số {p.Participants} chuyên gia đã góp ý với {p.Items} ý kiến: " +
            string.Join("; ", Enum.GetValues<Stance>().Select(s => $"{s.Vietnamese().ToLowerInvariant()} {p.ByStance[s]}")) + ".";
        yield return p.ResponsesShown
            ? "Kết quả tiếp thu, giải trình: " + string.Join("; ", Enum.GetValues<ResponseDecision>().Select(d => $"{d.Vietnamese().ToLowerInvariant()} {p.ByDecision[d]}"))
                + $"; chưa phản hồi {p.Unanswered}."
            : "Phản hồi của cơ quan soạn thảo chưa được công bố.";
        if (p.SessionsHeld > 0) yield return $"Đã tổ chức {p.SessionsHeld} phiên đối thoại trực tuyến; câu hỏi và trả lời được tổng hợp ở cuối bảng.";
    }

    public static Paragraph Text(string text, bool bold, bool center, bool underline = false) => Line(text, bold, center: center, underline: underline);

    internal static Paragraph Line(string text, bool bold = false, bool italic = false, bool underline = false, bool center = false, string? size = null)
    {
        var run = new RunProperties();
        if (bold) run.Append(new Bold());
        if (italic) run.Append(new Italic());
        if (underline) run.Append(new Underline { Val = UnderlineValues.Single });
        if (size is not null) run.Append(new FontSize { Val = size });
        var paragraph = new Paragraph(new Run(run, new Text(ReportText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }

    private static TableRow GroupRow(string group) => new(Cell(
        new TableCellProperties(new GridSpan { Val = Widths.Length }, new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6" }),
        group, bold: true));

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
            row.Append(Cell(new TableCellProperties(new TableCellWidth { Width = Widths[i].ToString(), Type = TableWidthUnitValues.Dxa }), cells[i], header));
        return row;
    }

    /// <summary>A cell with its text as one paragraph per line (Word ignores '\n' inside a run).</summary>
    private static TableCell Cell(TableCellProperties properties, string text, bool bold)
    {
        var cell = new TableCell(properties);
        foreach (var line in ReportText.ForXml(text).Split('\n'))
        {
            var run = new RunProperties(new FontSize { Val = TableSize });
            if (bold) run.PrependChild(new Bold());
            cell.Append(new Paragraph(new Run(run, new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        }
        return cell;
    }

    private static TableProperties TableLayout()
    {
        BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4 };
        return new TableProperties(
            new TableWidth { Width = Widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(Line<TopBorder>(), Line<BottomBorder>(), Line<LeftBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()));
    }

    private static Styles DefaultStyles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = BodySize }, new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60" }))));
}
