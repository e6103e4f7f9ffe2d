namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>The sections of a draft in document order, its frame and what the moderator may want to fix.</summary>
public sealed record ParsedDraft(IReadOnlyList<DraftSection> Sections, DraftFrame Frame, IReadOnlyList<DraftWarning> Warnings);
