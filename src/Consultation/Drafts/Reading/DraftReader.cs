using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>
/// Turns a draft as agencies have it (Markdown, pasted or uploaded plain text, a Word file) into the
/// Markdown the section parser reads, with the document's frame in fences (see docs/drafts.md).
/// </summary>
public static partial class DraftReader
{
    /// <summary>Pasted text is Markdown when it uses Markdown's own structure; plain text when it reads like a document.</summary>
    public static DraftFormat Detect(string text) =>
        MarkdownSignal().IsMatch(text) || !DocumentSignal().IsMatch(text) ? DraftFormat.Markdown : DraftFormat.PlainText;

    public static DraftReading FromText(string text, DraftFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (format == DraftFormat.Markdown)
        {
            return new DraftReading(text, []);
        }

        var (markdown, warnings) = LegalLayout.Compose(PlainTextLines.Read(text));
        return new DraftReading(markdown, warnings);
    }

    /// <exception cref="DraftInvalidException">The file is not a readable .docx, or it holds images; <paramref name="field"/> names it.</exception>
    public static DraftReading FromDocx(byte[] content, string field)
    {
        var (markdown, warnings) = LegalLayout.Compose(DocxLines.Read(content, field));
        return new DraftReading(markdown, warnings);
    }

    [GeneratedRegex(@"^( {0,3}#{1,6}\s|::: (header|preamble|closing)\s*$|\|? *:?-{3,}:? *\|)|\*\*\S|\]\(", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownSignal();

    [GeneratedRegex(@"^\s*(Điều\s+\d+|Chương\s+[IVXLC\d]+|CHƯƠNG\s+[IVXLC\d]+|Căn cứ\b|Nơi nhận\b|Số\s*:|[═─┌│])|CỘNG HO?ÒA XÃ HỘI CHỦ NGHĨA|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentSignal();
}
