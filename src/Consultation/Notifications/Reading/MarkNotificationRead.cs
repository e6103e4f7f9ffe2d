using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications.Reading;

/// <summary>The person marks one of their notifications read; the bell learns it from the commit (the live push listener).</summary>
public sealed record MarkNotificationRead(string UserName, Guid NotificationId)
{
    /// <summary>The notification as read, or null when it is already read; not found when it is not the person's.</summary>
    public static (Decision Decision, Notification? Read) Decide(Notification? notification, MarkNotificationRead command, DateTimeOffset now) =>
        notification is null || notification.Recipient != Account.Normalize(command.UserName)
            ? (Decision.NotFound(DomainText.NotificationNotInInbox), null)
            : notification.IsRead ? (Decision.Nothing, null) : (Decision.Nothing, notification with { ReadAt = now });
}

public sealed class MarkNotificationReadHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(MarkNotificationRead command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var (decision, read) = MarkNotificationRead.Decide(await session.LoadAsync<Notification>(command.NotificationId, cancellation), command, time.GetUtcNow());
        if (read is null) return decision;
        session.Update(read);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
