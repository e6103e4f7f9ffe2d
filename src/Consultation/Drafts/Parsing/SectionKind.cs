namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>What a section is, as recognised from its numbering; drives nesting and anchors.</summary>
internal enum SectionKind
{
    /// <summary>Roman part of a plan or report: "I-", "II.".</summary>
    Part,
    /// <summary>"Chương I" of a legal document.</summary>
    Chapter,
    /// <summary>"Mục 1" inside a chapter.</summary>
    LegalSection,
    /// <summary>"Điều 5." — numbered across the whole document.</summary>
    Article,
    /// <summary>"1." — an item of a plan, or a khoản when inside an article.</summary>
    Item,
    /// <summary>"a)" — a điểm of a clause, or a lettered item of a plan.</summary>
    Point,
    /// <summary>"-" list item.</summary>
    Bullet,
    /// <summary>Heading or bold line without numbering.</summary>
    Titled,
    /// <summary>Body text with no section to belong to (a preamble).</summary>
    Paragraph,
}
