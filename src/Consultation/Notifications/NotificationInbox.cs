using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>A person's in-app notifications: newest first, how many are unread, marking them read.</summary>
public sealed class NotificationInbox(IDocumentStore store, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>A page of notifications; <paramref name="Older"/>: the id to ask for the next page with, null on the last.</summary>
    public sealed record Page(IReadOnlyList<Notification> Items, int Unread, Guid? Older = null);

    /// <summary>
    /// The person's notifications, newest first, <see cref="PageSize"/> at a time: the newest, or those older than
    /// <paramref name="before"/> (the last of the previous page). Null when <paramref name="before"/> is not one of theirs.
    /// </summary>
    public async Task<Page?> Of(string userName, Guid? before = null, CancellationToken cancellation = default)
    {
        var recipient = Account.Normalize(userName);
        await using var query = store.QuerySession();
        var theirs = query.Query<Notification>().Where(n => n.Recipient == recipient);
        if (before is { } id)
        {
            if (await query.LoadAsync<Notification>(id, cancellation) is not { } last || last.Recipient != recipient) return null;
            var at = last.CreatedAt;
            // The same order as the listing, so a page starts exactly where the previous one ended, ties included.
            theirs = theirs.Where(n => n.CreatedAt < at || (n.CreatedAt == at && n.Id < id));
        }
        var items = await theirs.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellation);
        var page = items.Take(PageSize).ToList();
        return new(page, await Unread(query, recipient, cancellation), items.Count > PageSize ? page[^1].Id : null);
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
