using System.Text;
using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>
/// Lays out the lines of a Vietnamese document (plain text or Word) as the Markdown the section
/// parser reads: the header block, the preamble and the closing go into frame fences, part, chapter,
/// mục and article lines become headings (a chapter's title line joined to it), every other line a
/// paragraph of its own, tables pipe tables.
/// </summary>
internal static partial class LegalLayout
{
    /// <summary>Long enough for the title of an amending decree, which names every text it amends.</summary>
    private const int MaxHeaderLineLength = 500;
    private const int TitleLinesAfterDocumentType = 3;

    public static (string Markdown, IReadOnlyList<DraftWarning> Warnings) Compose(IReadOnlyList<SourceBlock> source)
    {
        var blocks = source.ToList();
        var first = blocks.FindIndex(b => b is SourceLine line && (IsStructural(line) || IsNumbered(line)));
        if (first < 0) first = blocks.FindIndex(b => b is SourceLine { HeadingLevel: > 0 });
        if (first < 0) first = blocks.Count;

        var header = new List<SourceLine>();
        var preamble = new List<SourceLine>();
        var leading = new List<SourceBlock>();
        ClassifyHead(blocks.Take(first).SelectMany(Flatten).ToList(), header, preamble, leading);

        var closingStart = ClosingStart(blocks, first);
        var closing = blocks.Skip(closingStart).SelectMany(Flatten).ToList();

        var markdown = new StringBuilder();
        if (header.Count > 0) markdown.Append(FrameFences.Fence(FrameFences.Header, header.Select(l => l.Markdown))).Append('\n');
        if (preamble.Count > 0) markdown.Append(FrameFences.Fence(FrameFences.Preamble, preamble.Select(l => l.Markdown))).Append('\n');
        var warnings = new List<DraftWarning>();
        WriteBody(markdown, leading.Concat(blocks.Skip(first).Take(closingStart - first)).ToList(), warnings);
        if (closing.Count > 0) markdown.Append(FrameFences.Fence(FrameFences.Closing, closing.Select(l => l.Markdown)));
        return (markdown.ToString().TrimEnd() + "\n", warnings);
    }

    private static IEnumerable<SourceLine> Flatten(SourceBlock block) => block switch
    {
        SourceLine line => [line],
        SourceTable table => table.AsLines(),
        _ => [],
    };

    private static void ClassifyHead(List<SourceLine> lines, List<SourceLine> header, List<SourceLine> preamble, List<SourceBlock> leading)
    {
        var inPreamble = false;
        var titleLines = 0;
        foreach (var line in lines)
        {
            var text = line.Plain;
            // The title may open with the same words as a preamble ("KẾ HOẠCH / THỰC HIỆN CHỈ THỊ…"): upper case keeps it in the header.
            if (Enacting().IsMatch(text) || (!IsUpperCase(text) && (Preamble().IsMatch(text) || EnactingFormula().IsMatch(text))))
            {
                preamble.Add(line);
                inPreamble = true;
            }
            else if (!inPreamble && IsHeaderLine(text))
            {
                header.Add(line);
                titleLines = DocumentType().IsMatch(text) ? TitleLinesAfterDocumentType : titleLines;
            }
            else if (!inPreamble && titleLines > 0 && !EndsSentence(text))
            {
                header.Add(line);
                titleLines--;
            }
            else
            {
                leading.Add(line);
            }
        }
    }

    /// <summary>Where the closing begins: Nơi nhận, a signature line or the adoption formula after the last article.</summary>
    private static int ClosingStart(List<SourceBlock> blocks, int first)
    {
        var last = blocks.FindLastIndex(b => b is SourceLine line && IsStructural(line));
        for (var i = Math.Max(first, last + 1); i < blocks.Count; i++)
        {
            var opens = blocks[i] switch
            {
                SourceLine line => IsClosingLine(line.Plain),
                SourceTable table => table.AsLines().Any(l => IsClosingLine(l.Plain)),
                _ => false,
            };
            if (opens) return i;
        }

        return blocks.Count;
    }

    private static bool IsClosingLine(string text) =>
        Recipients().IsMatch(text) || Signature().IsMatch(text) || Adoption().IsMatch(text) || (Position().IsMatch(text) && text.Length < 80 && !EndsSentence(text));

    private static void WriteBody(StringBuilder markdown, List<SourceBlock> blocks, List<DraftWarning> warnings)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is SourceLine opening && QuotedProvision().IsMatch(opening.Plain))
            {
                i = WriteQuotation(markdown, blocks, i);
                continue;
            }

            switch (blocks[i])
            {
                case SourceTable table:
                    WriteTable(markdown, table);
                    break;
                case SourceLine line when SectionNumbering.Match(line.Plain) is { Kind: SectionKind.Part or SectionKind.Chapter or SectionKind.LegalSection } heading:
                    var text = line.Plain;
                    if (heading.Title.Length == 0 && i + 1 < blocks.Count && blocks[i + 1] is SourceLine next && IsTitleLine(next))
                    {
                        text = text.TrimEnd('.', ':', ' ') + ". " + next.Plain;
                        i++;
                    }

                    markdown.Append(heading.Kind is SectionKind.LegalSection ? "### " : "## ").Append(MarkdownEscape.Inline(text)).Append("\n\n");
                    break;
                case SourceLine line when SectionNumbering.Match(line.Plain) is { Kind: SectionKind.Article } article:
                    // Older texts write the article's only sentence on its line: "Điều 1. Nghị định này quy định…".
                    if (EndsSentence(article.Title) || article.Title.EndsWith(':'))
                    {
                        markdown.Append("#### ").Append(MarkdownEscape.Inline(line.Plain[..article.PrefixLength].Trim())).Append("\n\n");
                        markdown.Append(MarkdownEscape.Inline(article.Title)).Append("\n\n");
                    }
                    else
                    {
                        markdown.Append("#### ").Append(MarkdownEscape.Inline(line.Plain)).Append("\n\n");
                    }

                    break;
                case SourceLine { HeadingLevel: > 0 } line when SectionNumbering.Match(line.Plain) is null:
                    markdown.Append('#', Math.Min(line.HeadingLevel + 1, 6)).Append(' ').Append(MarkdownEscape.Inline(line.Plain)).Append("\n\n");
                    break;
                case SourceLine line:
                    if (LooksLikeHeading(line.Plain) && SectionNumbering.Match(line.Plain) is null)
                    {
                        warnings.Add(new DraftWarning(DraftWarningKind.UnrecognisedLine, null, line.Plain));
                    }

                    markdown.Append(line.Markdown).Append("\n\n");
                    break;
            }
        }
    }

    /// <summary>
    /// An amending text quotes whole articles ("“Điều 2. Đối tượng…" … "…thực vật.”"): the quotation is
    /// the text of the clause that introduces it, so it is kept as one block quote, not cut into sections.
    /// </summary>
    private static int WriteQuotation(StringBuilder markdown, List<SourceBlock> blocks, int start)
    {
        var i = start;
        for (; i < blocks.Count; i++)
        {
            if (blocks[i] is not SourceLine line || (i > start && IsStructural(line))) break;
            if (i > start) markdown.Append(">\n");
            markdown.Append("> ").Append(line.Markdown).Append('\n');
            if (QuotationEnd().IsMatch(line.Plain)) break;
        }

        markdown.Append('\n');
        return i < blocks.Count && blocks[i] is SourceLine last && QuotationEnd().IsMatch(last.Plain) ? i : i - 1;
    }

    private static void WriteTable(StringBuilder markdown, SourceTable table)
    {
        var columns = table.Rows.Max(r => r.Count);
        if (columns == 0) return;
        string Row(IReadOnlyList<string> cells) =>
            "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(c => c < cells.Count ? cells[c].Replace("\n", " ") : "")) + " |\n";
        markdown.Append(Row(table.Rows[0]));
        markdown.Append(Row(Enumerable.Repeat("---", columns).ToList()));
        foreach (var row in table.Rows.Skip(1)) markdown.Append(Row(row));
        markdown.Append('\n');
    }

    private static bool IsStructural(SourceLine line) =>
        SectionNumbering.Match(line.Plain) is { Kind: SectionKind.Part or SectionKind.Chapter or SectionKind.LegalSection or SectionKind.Article };

    private static bool IsNumbered(SourceLine line) => SectionNumbering.Match(line.Plain) is { Kind: SectionKind.Item };

    /// <summary>The title of a chapter written on the line below "Chương I": short, not numbered, not a sentence.</summary>
    private static bool IsTitleLine(SourceLine line) =>
        line.Plain.Length <= MaxHeaderLineLength && SectionNumbering.Match(line.Plain) is null && !EndsSentence(line.Plain)
        && (line.HeadingLevel > 0 || IsUpperCase(line.Plain));

    private static bool IsHeaderLine(string text) =>
        text.Length <= MaxHeaderLineLength
        && (HeaderPattern().IsMatch(text) || DatePlace().IsMatch(text) || IsUpperCase(text));

    /// <summary>An upper-case line of words in the body: a heading whose numbering was not recognised.</summary>
    private static bool LooksLikeHeading(string text) =>
        text.Length <= 120 && text.Contains(' ') && IsUpperCase(text) && !text.StartsWith('(');

    private static bool IsUpperCase(string text) =>
        text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or ';' or ',';

    [GeneratedRegex(@"^(Căn cứ|Theo đề nghị|Theo đề xuất|Xét|Qua xem xét|Thực hiện|Trên cơ sở|Nhằm)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Preamble();

    [GeneratedRegex(@"^(QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|BAN HÀNH)\s*:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Enacting();

    [GeneratedRegex(@"\b(ban hành|xây dựng) (bộ luật|luật|pháp lệnh|nghị định|thông tư|quyết định|nghị quyết|kế hoạch|chỉ thị|quy định)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnactingFormula();

    [GeneratedRegex(@"^(CỘNG HO?ÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do|(Luật |Nghị quyết |Pháp lệnh )?Số\s*:|V/v\b|\(?Dự thảo)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d+[\s|]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePlace();

    [GeneratedRegex(@"^(DỰ THẢO\s+)?(BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ ĐỊNH|THÔNG TƯ( LIÊN TỊCH)?|QUYẾT ĐỊNH|NGHỊ QUYẾT|KẾ HOẠCH|CHỈ THỊ|QUY ĐỊNH|QUY CHẾ|ĐỀ ÁN|CHƯƠNG TRÌNH)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentType();

    [GeneratedRegex(@"^[“""]\s*(Điều\s+\d|Chương\s|Mục\s+\d|\d+[a-z]?\.\s|[a-zđ]\)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedProvision();

    [GeneratedRegex(@"[”""][.;,:]?(\./\.)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex QuotationEnd();

    [GeneratedRegex(@"^Nơi nhận\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recipients();

    [GeneratedRegex(@"^(TM|KT|TL|TUQ|Q)\s*\.\s*\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex Signature();

    [GeneratedRegex(@"^(Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (đã )?được .*thông qua", RegexOptions.CultureInvariant)]
    private static partial Regex Adoption();

    [GeneratedRegex(@"^(CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN NHÀ NƯỚC)(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
