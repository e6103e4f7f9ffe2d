namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <param name="Kind">What the numbering says the line opens.</param>
/// <param name="Number">The numbering as written ("III", "Điều 5", "2", "a").</param>
/// <param name="Title">The text after the numbering.</param>
/// <param name="PrefixLength">Length of the numbering prefix, to strip it from a rendered body.</param>
internal readonly record struct NumberedLine(SectionKind Kind, string Number, string Title, int PrefixLength);
