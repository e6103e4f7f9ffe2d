namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Bounds that keep parsing, storage and rendering of one draft cheap and predictable.</summary>
public static class DraftLimits
{
    public const int MaxMarkdownBytes = 2 * 1024 * 1024;

    public const int MaxSections = 5_000;

    /// <summary>
    /// Nesting Markdig may build (a list and its item count as two): a hundred nested lists, far
    /// beyond any real draft. Parsing cost grows with depth (a thousand nested lists took seconds),
    /// so deeper input is rejected with a clear error instead.
    /// </summary>
    public const int MaxMarkdownNesting = 200;

    /// <summary>Leading white space a line may have: a hundred nested lists of four-column markers.</summary>
    public const int MaxIndentColumns = 400;

    /// <summary>
    /// Sections nested deeper than this are attached to the ancestor at this level: no real draft
    /// goes past chapter › section › article › clause › point › bullet, and a flat tail keeps
    /// pathological input (lists nested a thousand times) cheap to store and render.
    /// </summary>
    public const int MaxLevel = 8;
}
