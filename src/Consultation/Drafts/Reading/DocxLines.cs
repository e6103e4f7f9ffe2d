using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>
/// A Word document as lines and tables: heading styles give outline levels, automatic numbering is
/// resolved into the text ("Điều %1." → "Điều 1."), bold, italic and footnotes are kept as Markdown,
/// images are refused (a draft's text must be commentable).
/// </summary>
internal sealed class DocxLines
{
    private readonly Dictionary<string, int> _styleLevels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<int, NumberingLevel>> _numbering = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly Dictionary<string, string> _footnotes = new(StringComparer.Ordinal);
    private readonly List<SourceBlock> _blocks = [];
    private int _footnoteCount;

    public static List<SourceBlock> Read(byte[] content, string field)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new DraftInvalidException(field, "The file is not a readable Word document (.docx) (Tệp không phải văn bản Word .docx đọc được).");
        }

        using (document)
        {
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                throw new DraftInvalidException(field, "The Word document has no body (Tệp Word không có nội dung).");
            }

            if (main.ImageParts.Any() || body.Descendants<Drawing>().Any() || body.Descendants<Picture>().Any())
            {
                throw new DraftInvalidException(field, "The Word document contains images; remove them (or describe them in text) and upload it again (Tệp Word có hình ảnh: hãy bỏ hình hoặc thay bằng lời rồi tải lên lại).");
            }

            var reader = new DocxLines();
            reader.LoadStyles(main.StyleDefinitionsPart?.Styles);
            reader.LoadNumbering(main.NumberingDefinitionsPart?.Numbering);
            reader.LoadFootnotes(main.FootnotesPart?.Footnotes);
            reader.ReadContainer(body);
            return reader._blocks;
        }
    }

    private void ReadContainer(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    foreach (var line in ReadParagraph(paragraph)) _blocks.Add(line);
                    break;
                case Table table:
                    _blocks.Add(ReadTable(table));
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadContainer(content);
                    break;
            }
        }
    }

    private SourceTable ReadTable(Table table) =>
        new(table.Elements<TableRow>()
            .Select(row => (IReadOnlyList<string>)row.Elements<TableCell>()
                .Select(cell => string.Join("\n", cell.Elements<Paragraph>().SelectMany(ReadParagraph).Select(l => l.Markdown)))
                .ToList())
            .ToList());

    private List<SourceLine> ReadParagraph(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var level = properties?.OutlineLevel?.Val?.Value is { } outline ? outline + 1
            : styleId is not null && _styleLevels.TryGetValue(styleId, out var styled) ? styled : 0;

        var lines = new List<SourceLine>();
        var plain = new StringBuilder();
        var markdown = new StringBuilder();
        var notes = new List<string>();
        var prefix = NumberingPrefix(properties?.NumberingProperties, styleId);
        if (prefix.Length > 0)
        {
            plain.Append(prefix).Append(' ');
            markdown.Append(MarkdownEscape.Inline(prefix)).Append(' ');
        }

        void Flush()
        {
            var text = PlainTextLines.CollapseSpaces(plain.ToString().Trim());
            if (text.Length > 0 && !PlainTextLines.IsRule(text)) lines.Add(new SourceLine(text, PlainTextLines.CollapseSpaces(markdown.ToString().Trim()), level));
            plain.Clear();
            markdown.Clear();
        }

        foreach (var run in paragraph.Descendants<Run>())
        {
            var format = run.RunProperties;
            var bold = format?.Bold is { } b && (b.Val is null || b.Val.Value);
            var italic = format?.Italic is { } i && (i.Val is null || i.Val.Value);
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text text when text.Text.Length > 0:
                        plain.Append(text.Text);
                        markdown.Append(Emphasis(MarkdownEscape.Inline(text.Text), bold, italic));
                        break;
                    case TabChar:
                        plain.Append(' ');
                        markdown.Append(' ');
                        break;
                    case Break:
                        Flush();
                        break;
                    case FootnoteReference reference when reference.Id?.Value is { } id:
                        var number = (++_footnoteCount).ToString(CultureInfo.InvariantCulture);
                        plain.Append('[').Append(number).Append(']');
                        markdown.Append('^').Append(number).Append('^');
                        notes.Add($"^{number}^ " + (_footnotes.GetValueOrDefault(id.ToString(CultureInfo.InvariantCulture)) ?? ""));
                        break;
                }
            }
        }

        Flush();
        lines.AddRange(notes.Select(note => new SourceLine(MarkdownEscape.Unescape(note), note)));
        return lines;
    }

    /// <summary>Emphasis markers go inside the run's outer spaces, or Markdown would not see them.</summary>
    private static string Emphasis(string text, bool bold, bool italic)
    {
        if (!bold && !italic || text.Trim().Length == 0) return text;
        var marker = bold && italic ? "***" : bold ? "**" : "*";
        var core = text.Trim();
        var lead = text[..(text.Length - text.TrimStart().Length)];
        var trail = text[text.TrimEnd().Length..];
        return lead + marker + core + marker + trail;
    }

    private string NumberingPrefix(NumberingProperties? numbering, string? styleId)
    {
        int numId, level;
        if (numbering?.NumberingId?.Val?.Value is { } id)
        {
            numId = id;
            level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
        }
        else if (styleId is not null && _styleNumbering.TryGetValue(styleId, out var styled))
        {
            (numId, level) = styled;
        }
        else
        {
            return "";
        }

        if (!_numbering.TryGetValue(numId, out var levels) || !levels.TryGetValue(level, out var definition)) return "";
        if (definition.Format == "bullet") return "-";
        if (definition.Format == "none") return "";

        var counters = _counters.TryGetValue(numId, out var existing) ? existing : _counters[numId] = new int[9];
        counters[level] = counters[level] == 0 ? definition.Start : counters[level] + 1;
        for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;

        var text = definition.Text;
        for (var k = 1; k <= 9; k++)
        {
            var placeholder = "%" + k.ToString(CultureInfo.InvariantCulture);
            if (!text.Contains(placeholder, StringComparison.Ordinal)) continue;
            var other = levels.GetValueOrDefault(k - 1) ?? definition;
            var value = counters[k - 1] == 0 ? other.Start : counters[k - 1];
            text = text.Replace(placeholder, Format(value, other.Format), StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private static string Format(int value, string format) => format switch
    {
        "lowerLetter" => Letters(value).ToLowerInvariant(),
        "upperLetter" => Letters(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int value) => new((char)('A' + (value - 1) % 26), (value - 1) / 26 + 1);

    private static string Roman(int value)
    {
        var numerals = new (int Value, string Text)[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var text = new StringBuilder();
        foreach (var (n, roman) in numerals)
        {
            while (value >= n)
            {
                text.Append(roman);
                value -= n;
            }
        }

        return text.ToString();
    }

    private void LoadStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id) continue;
            var name = style.StyleName?.Val?.Value ?? "";
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline)
            {
                _styleLevels[id] = outline + 1;
            }
            else if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), out var level))
            {
                _styleLevels[id] = level;
            }

            if (style.StyleParagraphProperties?.NumberingProperties is { NumberingId.Val.Value: { } numId } numbering)
            {
                _styleNumbering[id] = (numId, numbering.NumberingLevelReference?.Val?.Value ?? 0);
            }
        }
    }

    private void LoadNumbering(Numbering? numbering)
    {
        if (numbering is null) return;
        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .ToDictionary(a => a.AbstractNumberId!.Value, a => a.Elements<Level>()
                .Where(l => l.LevelIndex?.Value is not null)
                .ToDictionary(l => l.LevelIndex!.Value, l => new NumberingLevel(
                    l.StartNumberingValue?.Val?.Value ?? 1,
                    l.NumberingFormat?.Val?.HasValue == true ? l.NumberingFormat.Val.InnerText ?? "decimal" : "decimal",
                    l.LevelText?.Val?.Value ?? "")));
        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is not { } numId || instance.AbstractNumId?.Val?.Value is not { } abstractId || !abstracts.TryGetValue(abstractId, out var levels)) continue;
            var own = new Dictionary<int, NumberingLevel>(levels);
            foreach (var over in instance.Elements<LevelOverride>())
            {
                if (over.LevelIndex?.Value is { } index && over.StartOverrideNumberingValue?.Val?.Value is { } start && own.TryGetValue(index, out var level))
                {
                    own[index] = level with { Start = start };
                }
            }

            _numbering[numId] = own;
        }
    }

    private void LoadFootnotes(Footnotes? footnotes)
    {
        foreach (var note in footnotes?.Elements<Footnote>() ?? [])
        {
            if (note.Id?.Value is not { } id || id <= 0) continue;
            _footnotes[id.ToString(CultureInfo.InvariantCulture)] = MarkdownEscape.Inline(string.Join(" ", note.Descendants<Text>().Select(t => t.Text)).Trim());
        }
    }

    private sealed record NumberingLevel(int Start, string Format, string Text);
}
