namespace Nq45Consult.Consultation.Review;

// Events of the review: past tense, each with who and when. A response is appended to the item's own stream
// (Feedback.FeedbackResponded); a deadline to the consultation's stream.

public sealed record ResponseDeadlineSet(Guid ConsultationId, DateTimeOffset Deadline, string SetBy, DateTimeOffset SetAt);

/// <summary>
/// The letterhead details of the acceptance report (Decree 30/2020): issuing body, number and symbol, place and date,
/// signer and recipients, as a moderator or official filled them; appended to the consultation's stream. Empty texts
/// (and a null date) leave the report's default in their place.
/// </summary>
public sealed record ReportDetailsSet(
    Guid ConsultationId,
    string IssuingBody,
    string Number,
    string Place,
    DateOnly? Date,
    string SignerPosition,
    string SignerName,
    IReadOnlyList<string> Recipients,
    string SetBy,
    DateTimeOffset SetAt);
