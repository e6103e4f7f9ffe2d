namespace Nq45Consult.Consultation.Drafts.Reading;

/// <summary>One block of a source document before its structure is known: a line or a table.</summary>
internal abstract record SourceBlock;

/// <param name="Plain">The text as read, for recognising numbering and the frame.</param>
/// <param name="Markdown">The same text as Markdown inline (bold, italic, footnote marks kept).</param>
/// <param name="HeadingLevel">The outline level of a Word heading style, 0 for body text.</param>
internal sealed record SourceLine(string Plain, string Markdown, int HeadingLevel = 0) : SourceBlock
{
    public static SourceLine OfPlain(string text) => new(text, MarkdownEscape.Inline(text));
}

/// <summary>A table; each cell is Markdown inline text, the first row is its header.</summary>
internal sealed record SourceTable(IReadOnlyList<IReadOnlyList<string>> Rows) : SourceBlock
{
    /// <summary>The table read as lines, for tables that are really layout (the header block, the signature).</summary>
    public IEnumerable<SourceLine> AsLines() =>
        Rows.SelectMany(row => row)
            .SelectMany(cell => cell.Split('\n'))
            .Select(cell => cell.Trim())
            .Where(cell => cell.Length > 0)
            .Select(cell => new SourceLine(MarkdownEscape.Unescape(cell), cell));
}
