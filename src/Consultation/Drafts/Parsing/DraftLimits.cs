namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Bounds that keep parsing, storage and rendering of one draft cheap and predictable.</summary>
public static class DraftLimits
{
    public const int MaxMarkdownBytes = 2 * 1024 * 1024;

    public const int MaxSections = 5_000;

    /// <summary>
    /// Sections nested deeper than this are attached to the ancestor at this level: no real draft
    /// goes past chapter › section › article › clause › point › bullet, and a flat tail keeps
    /// pathological input (lists nested a thousand times) cheap to store and render.
    /// </summary>
    public const int MaxLevel = 8;
}
