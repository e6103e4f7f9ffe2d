using System.Text;
using Markdig;

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

        // Vietnamese typed on different systems mixes composed and decomposed diacritics;
        // numbering like "Điều" is only recognised in the composed form.
        var document = Markdown.Parse(markdown.Normalize(NormalizationForm.FormC), DraftMarkdownPipeline.Instance);
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
        return new ParsedDraft(sections);
    }
}
