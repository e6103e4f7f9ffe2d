namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// What an expert sends to submit or revise an item, as received: enums still as their kebab-case text,
/// so a bad value is reported against its field instead of failing the whole request.
/// </summary>
public sealed record FeedbackInput(
    QuoteInput? Quote,
    string? Stance,
    string? ProposedText,
    string? Rationale,
    IReadOnlyList<ReferenceInput>? References,
    string? Attribution);

/// <summary>A quoted passage; without <see cref="Start"/> and <see cref="End"/> it is located in the section (<see cref="QuoteLocation"/>).</summary>
public sealed record QuoteInput(string? Text, int? Start, int? End);

public sealed record ReferenceInput(string? Title, string? Url);
