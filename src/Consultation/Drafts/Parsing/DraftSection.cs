namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>
/// One commentable unit of a draft (part, chapter, article, clause, point, item or bullet).
/// Sections form a tree through <see cref="ParentAnchor"/>; <see cref="Text"/> and <see cref="Html"/>
/// hold only the section's own body, never its children's.
/// </summary>
/// <param name="Anchor">Stable, URL-safe id derived from the document's numbering (see docs/drafts.md).</param>
/// <param name="Number">The numbering as written: "III", "2", "Điều 5", "a"; empty for bullets and unnumbered text.</param>
/// <param name="Heading">Title text of the section, empty when the section is only a body (bullets, clauses).</param>
/// <param name="Text">Plain text of the section's own body.</param>
/// <param name="Html">Sanitized HTML of the section's own body.</param>
/// <param name="ParentAnchor">Anchor of the enclosing section, null at the top level.</param>
/// <param name="Order">0-based position in document order.</param>
/// <param name="Level">Depth in the tree, 1 for top-level sections.</param>
public sealed record DraftSection(
    string Anchor,
    string Number,
    string Heading,
    string Text,
    string Html,
    string? ParentAnchor,
    int Order,
    int Level);
