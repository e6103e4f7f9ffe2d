using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>A person's in-app notifications: newest first, and how many are unread.</summary>
public sealed class NotificationInbox(IDocumentStore store)
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

    internal static Task<int> Unread(IQuerySession query, string recipient, CancellationToken cancellation) =>
        query.Query<Notification>().CountAsync(n => n.Recipient == recipient && n.ReadAt == null, cancellation);
}
