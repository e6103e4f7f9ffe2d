namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// An official (or moderator) marked the item as addressed by draft version <paramref name="Version"/>: the revision
/// took the comment into account. A later marking replaces it; both stay in the history. Appended to the item's own
/// stream (so the item's inline document carries it exactly), hence a Feedback event that Review decides.
/// </summary>
public sealed record FeedbackAddressedInVersion(
    Guid FeedbackId,
    Guid ConsultationId,
    int Version,
    string AddressedBy,
    DateTimeOffset AddressedAt);
