using Markdig;

namespace Nq45Consult.Consultation.Drafts.Parsing;

internal static class DraftMarkdownPipeline
{
    /// <summary>
    /// Raw HTML is disabled: drafts come from outside the platform and are shown to everyone.
    /// List extras stay off because they would read "I." and "a." as lists and hide the
    /// part and point numbering the section model is built from.
    /// </summary>
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();
}
