namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>A run of text (words with their spacing and punctuation) kept, inserted or deleted.</summary>
public sealed record WordChange(WordChangeKind Kind, string Text);
