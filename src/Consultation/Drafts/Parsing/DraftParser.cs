using System.Text;
using Markdig;
using Markdig.Syntax;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Cuts a Markdown draft into commentable sections (see docs/drafts.md).</summary>
public static class DraftParser
{
    /// <exception cref="DraftInvalidException">The Markdown is empty.</exception>
    /// <exception cref="DraftTooLargeException">The Markdown or its section count exceeds <see cref="DraftLimits"/>.</exception>
    public static ParsedDraft Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new DraftInvalidException("markdown", "The draft is empty (Dự thảo trống): provide its Markdown text.");
        }

        var bytes = Encoding.UTF8.GetByteCount(markdown);
        if (bytes > DraftLimits.MaxMarkdownBytes)
        {
            throw new DraftTooLargeException(
                DraftLimit.MarkdownBytes,
                $"The draft is {bytes:N0} bytes of UTF-8 Markdown; the limit is {DraftLimits.MaxMarkdownBytes:N0} bytes (2 MB).");
        }

        RejectDeepIndentation(markdown);

        // Vietnamese typed on different systems mixes composed and decomposed diacritics;
        // numbering like "Điều" is only recognised in the composed form.
        var (body, frameParts) = FrameFences.Split(markdown.Normalize(NormalizationForm.FormC));
        var document = ParseMarkdown(body);
        var pending = SectionTreeBuilder.Build(document);
        var html = new SectionHtml();
        var sections = pending
            .Select(s => new DraftSection(
                s.Anchor,
                s.Number,
                s.Heading,
                MarkdownText.Of(s.Body),
                html.Render(s.Body),
                s.Parent?.Anchor,
                s.Order,
                s.Level))
            .ToList();
        return new ParsedDraft(sections, Frame(frameParts, html), DraftWarnings.Of(pending));
    }

    private static DraftFrame Frame(IReadOnlyDictionary<string, string> parts, SectionHtml html)
    {
        if (parts.Count == 0)
        {
            return DraftFrame.None;
        }

        string Render(string name) => parts.TryGetValue(name, out var part) ? html.Render(ParseMarkdown(part).ToList()) : "";
        return new DraftFrame(Render(FrameFences.Header), Render(FrameFences.Preamble), Render(FrameFences.Closing));
    }

    /// <summary>
    /// Markdig's own depth limit trips only after it has walked the whole indentation, which costs
    /// seconds on a thousand nested lists; one pass over the line starts rejects that input first.
    /// </summary>
    private static void RejectDeepIndentation(string markdown)
    {
        var column = 0;
        var atLineStart = true;
        foreach (var c in markdown)
        {
            if (c == '\n') { column = 0; atLineStart = true; continue; }
            if (!atLineStart) continue;
            if (c == ' ') column++;
            else if (c == '\t') column += 4 - column % 4;
            else { atLineStart = false; continue; }
            if (column > DraftLimits.MaxIndentColumns) throw NestedTooDeep();
        }
    }

    private static DraftTooLargeException NestedTooDeep() => new(
        DraftLimit.NestingDepth,
        $"The draft nests lists or quotes more than {DraftLimits.MaxMarkdownNesting / 2:N0} levels deep.");

    private static MarkdownDocument ParseMarkdown(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, DraftMarkdownPipeline.Instance);
        }
        catch (ArgumentException) // Markdig's only signal that MaximumNestingDepth was exceeded.
        {
            throw NestedTooDeep();
        }
    }
}
