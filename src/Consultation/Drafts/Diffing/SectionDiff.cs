namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>
/// One section in the comparison of two draft versions. Anchors differ when a section was
/// renumbered; <see cref="Words"/> is filled only for <see cref="SectionChange.Changed"/>.
/// </summary>
/// <param name="Number">Numbering in the newer version (the older one for removed sections).</param>
/// <param name="Heading">Heading in the newer version (the older one for removed sections).</param>
public sealed record SectionDiff(
    SectionChange Kind,
    string? FromAnchor,
    string? ToAnchor,
    string Number,
    string Heading,
    IReadOnlyList<WordChange> Words);
