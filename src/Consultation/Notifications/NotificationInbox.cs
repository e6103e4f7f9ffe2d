using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>A person's in-app notifications: newest first, how many are unread, marking them read.</summary>
public sealed class NotificationInbox(IDocumentStore store, TimeProvider time)
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<Notification> Items, int Unread);

    public async Task<Page> Of(string userName, CancellationToken cancellation = default)
    {
        var recipient = Account.Normalize(userName);
        await using var query = store.QuerySession();
        var items = await query.Query<Notification>().Where(n => n.Recipient == recipient)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellation);
        return new(items, await Unread(query, recipient, cancellation));
    }

    public async Task<int> UnreadCount(string userName, CancellationToken cancellation = default)
    {
        await using var query = store.QuerySession();
        return await Unread(query, Account.Normalize(userName), cancellation);
    }

    /// <summary>Marks one of the person's notifications read; false when it is not theirs or does not exist.</summary>
    public async Task<bool> MarkRead(string userName, Guid id, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var notification = await session.LoadAsync<Notification>(id, cancellation);
        if (notification is null || notification.Recipient != Account.Normalize(userName)) return false;
        if (notification.IsRead) return true;
        session.Store(notification with { ReadAt = time.GetUtcNow() });
        await session.SaveChangesAsync(cancellation);
        return true;
    }

    /// <summary>Marks every unread notification of the person read; returns how many changed.</summary>
    public async Task<int> MarkAllRead(string userName, CancellationToken cancellation = default)
    {
        var recipient = Account.Normalize(userName);
        await using var session = store.LightweightSession();
        var unread = await session.Query<Notification>().Where(n => n.Recipient == recipient && n.ReadAt == null).ToListAsync(cancellation);
        var now = time.GetUtcNow();
        foreach (var notification in unread) session.Store(notification with { ReadAt = now });
        await session.SaveChangesAsync(cancellation);
        return unread.Count;
    }

    internal static Task<int> Unread(IQuerySession query, string recipient, CancellationToken cancellation) =>
        query.Query<Notification>().CountAsync(n => n.Recipient == recipient && n.ReadAt == null, cancellation);
}
