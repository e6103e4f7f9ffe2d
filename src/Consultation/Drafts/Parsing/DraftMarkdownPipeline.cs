using Markdig;

namespace Nq45Consult.Consultation.Drafts.Parsing;

internal static class DraftMarkdownPipeline
{
    /// <summary>
    /// Raw HTML is disabled: drafts come from outside the platform and are shown to everyone.
    /// List extras stay off because they would read "I." and "a." as lists and hide the
    /// part and point numbering the section model is built from.
    /// </summary>
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder
        {
            // Markdig's default (128) counts a list and its item separately, so it stops at ~60
            // nested lists. The section walk is iterative and rendering is capped separately
            // (SectionHtml), so deeper input is accepted here and flattened later.
            MaximumNestingDepth = DraftLimits.MaxMarkdownNesting,
        }
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();
}
