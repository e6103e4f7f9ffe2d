namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// An official decided about an item and explained why; a later one replaces it, both stay in the history.
/// <paramref name="GroupId"/> is set when the item was answered together with its near-duplicates. Appended to the
/// item's own stream (so the item's inline document carries it exactly), hence a Feedback event that Review decides.
/// </summary>
public sealed record FeedbackResponded(
    Guid FeedbackId,
    Guid ConsultationId,
    ResponseDecision Decision,
    string? Explanation,
    Guid? GroupId,
    string RespondedBy,
    DateTimeOffset RespondedAt);
