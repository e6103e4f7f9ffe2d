namespace Nq45Consult.Consultation.Notifications.Delivery;

public enum EmailStatus
{
    /// <summary>Waiting to be sent (or to be retried at <see cref="EmailOutboxEntry.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>The SMTP server accepted it.</summary>
    Sent,
    /// <summary>Not to be sent: see <see cref="EmailOutboxEntry.SkipReason"/>.</summary>
    Skipped,
    /// <summary>Every attempt failed; <see cref="EmailOutboxEntry.LastError"/> says why.</summary>
    Failed,
}

/// <summary>
/// The e-mail of one <see cref="Notification"/> (same id), as the outbox keeps it: written with the notification, in the
/// cause's transaction; then only the delivery changes it, so a reader marking the notification read never races it.
/// </summary>
public sealed record EmailOutboxEntry(Guid Id, string Recipient, NotificationKind Kind, DateTimeOffset CreatedAt)
{
    public EmailStatus Status { get; init; } = EmailStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; } = CreatedAt;

    /// <summary>While set and in the future, one sender holds the entry; another sender skips it.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
    public string? SkipReason { get; init; }
}
