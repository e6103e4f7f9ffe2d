using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>
/// A section as it stood in a published version. Events keep their own copy of the parser's output,
/// so the stored history does not change shape when the parser does.
/// </summary>
public sealed record SectionSnapshot(
    string Anchor,
    string Number,
    string Heading,
    string Text,
    string Html,
    string? ParentAnchor,
    int Order,
    int Level)
{
    public DraftSection ToDraftSection() => new(Anchor, Number, Heading, Text, Html, ParentAnchor, Order, Level);
}
