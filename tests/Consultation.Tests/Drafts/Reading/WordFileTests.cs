using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Tests.Drafts.Reading;

/// <summary>A Word file's own structure: unnumbered heading styles, lettered numbering, emphasis, footnotes and tables.</summary>
public class WordFileTests
{
    private static byte[] Word(Action<Body, MainDocumentPart> write)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            var body = new Body();
            write(body, main);
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Text(params Run[] runs) => new(runs);

    private static Run Run(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static ParsedVersion Read(byte[] docx) => DraftSections.Parse(DraftReader.FromDocx(docx, "file")).Draft!;

    [Fact]
    public void Emphasis_footnotes_tables_and_lettered_numbering_are_kept()
    {
        var draft = Read(Word((body, main) =>
        {
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(new Footnote(new Paragraph(new Run(new Text("Luật số 64/2025/QH15.")))) { Id = 1 });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%1)" }) { LevelIndex = 0 }) { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });
            body.Append(
                Text(Run("Điều 5. Hồ sơ")),
                Text(Run("1. Hồ sơ gồm:")),
                Lettered(Run("Tờ trình ", bold: true), Run("đã ký", italic: true), Run(";")),
                Lettered(Run("Bản thuyết minh"), new Run(new FootnoteReference { Id = 1 }), Run(".")),
                new Table(
                    new TableRow(new TableCell(Text(Run("STT"))), new TableCell(Text(Run("Giấy tờ")))),
                    new TableRow(new TableCell(Text(Run("1"))), new TableCell(Text(Run("Tờ trình"))))));

            static Paragraph Lettered(params OpenXmlElement[] runs) =>
                new(new[] { new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 3 })) }.Concat(runs));
        }));

        var a = Assert.Single(draft.Sections, s => s.Anchor == "dieu-5-khoan-1-diem-a");
        Assert.Equal("<p><strong>Tờ trình</strong> <em>đã ký</em>;</p>", a.Html);
        var b = Assert.Single(draft.Sections, s => s.Anchor == "dieu-5-khoan-1-diem-b");
        Assert.Contains("Bản thuyết minh<sup>1</sup>.", b.Html);
        Assert.Contains("<sup>1</sup> Luật số 64/2025/QH15.", b.Html);
        Assert.Contains("<td>Tờ trình</td>", b.Html);
    }

    [Fact]
    public void A_heading_style_without_numbering_opens_a_titled_section()
    {
        var draft = Read(Word((body, _) => body.Append(
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), Run("Phụ lục kèm theo")),
            Text(Run("1. Danh mục hồ sơ.")))));

        Assert.Equal(["phu-luc-kem-theo", "phu-luc-kem-theo-1"], draft.Sections.Select(s => s.Anchor));
    }

    [Fact]
    public void Warnings_name_gaps_repeats_empty_articles_stray_text_and_unknown_headings()
    {
        var draft = DraftSections.Parse("""
            Căn cứ Luật Tổ chức Chính phủ;
            Đoạn văn lạc chỗ trước điều đầu tiên.
            Điều 1. Phạm vi
            1. Khoản một.
            3. Khoản ba.
            Điều 3. Trống
            Điều 3. Lặp lại
            a) Điểm a.
            c) Điểm c.
            CHƯONG II: SAI CHÍNH TẢ
            """).Draft!;

        Assert.Equal(
            [
                (DraftWarningKind.UnrecognisedLine, null, "CHƯONG II: SAI CHÍNH TẢ"),
                (DraftWarningKind.TextBeforeFirstArticle, "p1", "Đoạn văn lạc chỗ trước điều đầu tiên."),
                (DraftWarningKind.EmptyArticle, "dieu-3", "Điều 3"),
                (DraftWarningKind.NumberingGap, "dieu-3", "Điều 1 → Điều 3"),
                (DraftWarningKind.NumberingRepeat, "dieu-3-2", "Điều 3 → Điều 3"),
                (DraftWarningKind.NumberingGap, "dieu-1-khoan-3", "1 → 3"),
                (DraftWarningKind.NumberingGap, "dieu-3-2-diem-c", "a → c"),
            ],
            draft.Warnings.Select(w => (w.Kind, w.Anchor, w.Detail)));
    }
}
