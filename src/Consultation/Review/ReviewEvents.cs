namespace Nq45Consult.Consultation.Review;

// Events of the review: past tense, each with who and when. A response is appended to the item's own
// stream (so the item's inline document carries it exactly); a deadline to the consultation's stream.

/// <summary>An official decided about an item and explained why; a later one replaces it, both stay in the history.
/// <paramref name="GroupId"/> is set when the item was answered together with its near-duplicates.</summary>
public sealed record FeedbackResponded(
    Guid FeedbackId,
    Guid ConsultationId,
    ResponseDecision Decision,
    string? Explanation,
    Guid? GroupId,
    string RespondedBy,
    DateTimeOffset RespondedAt);

public sealed record ResponseDeadlineSet(Guid ConsultationId, DateTimeOffset Deadline, string SetBy, DateTimeOffset SetAt);

/// <summary>The current response of an item, as its document carries it.</summary>
public sealed record ItemResponse(ResponseDecision Decision, string? Explanation, string RespondedBy, DateTimeOffset RespondedAt)
{
    public static ItemResponse Of(FeedbackResponded e) => new(e.Decision, e.Explanation, e.RespondedBy, e.RespondedAt);
}
