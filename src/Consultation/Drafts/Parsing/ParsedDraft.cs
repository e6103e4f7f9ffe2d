namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>The sections of a draft in document order.</summary>
public sealed record ParsedDraft(IReadOnlyList<DraftSection> Sections);
