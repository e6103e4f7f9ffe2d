namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// The answer given to a submission that carried an <c>Idempotency-Key</c>, keyed by user and key. It is
/// inserted in the same transaction as the item's first event, so of two concurrent requests with one key
/// only one commits; the other finds this receipt and returns the first result.
/// </summary>
public sealed record SubmissionReceipt(string Id, Guid FeedbackId, Guid ConsultationId, long Version, DateTimeOffset ReceivedAt)
{
    public const int MaxKeyLength = 200;

    public static string IdOf(string userName, string key) => $"{userName.ToUpperInvariant()}\n{key}";
}
