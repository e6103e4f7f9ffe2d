namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>Something in a draft the moderator may want to fix in the source before publishing.</summary>
public enum DraftWarningKind
{
    /// <summary>Text before the first part, chapter or article that is not a preamble: it becomes sections of its own.</summary>
    TextBeforeFirstArticle,
    /// <summary>A line that looks like a heading but matches no numbering (a typo such as "CHƯONG II").</summary>
    UnrecognisedLine,
    /// <summary>Numbers skipped: Điều 3 then Điều 5.</summary>
    NumberingGap,
    /// <summary>A number repeated or going back: Điều 3 then Điều 3.</summary>
    NumberingRepeat,
    /// <summary>An article with neither text nor clauses.</summary>
    EmptyArticle,
}

/// <param name="Anchor">The section concerned, when there is one.</param>
/// <param name="Detail">What was found, as written in the draft ("Điều 3 → Điều 5", the line's text).</param>
public sealed record DraftWarning(DraftWarningKind Kind, string? Anchor, string Detail);
