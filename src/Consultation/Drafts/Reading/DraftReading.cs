using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Reading;

/// <param name="Markdown">The draft as the Markdown that is stored and parsed into sections (frame in fences).</param>
/// <param name="Warnings">What reading the source found doubtful (lines not recognised).</param>
public sealed record DraftReading(string Markdown, IReadOnlyList<DraftWarning> Warnings);
