using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Notifications.Reading;

/// <summary>The person marks every unread notification of theirs read.</summary>
public sealed record MarkAllNotificationsRead(string UserName)
{
    public static IReadOnlyList<Notification> Decide(IReadOnlyList<Notification> unread, DateTimeOffset now) =>
        [.. unread.Select(n => n with { ReadAt = now })];
}

/// <summary>How many changed, and how many remain unread (arrived meanwhile).</summary>
public sealed record ReadAllOutcome(int Marked, int Unread);

public sealed class MarkAllNotificationsReadHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<ReadAllOutcome> Handle(MarkAllNotificationsRead command, CancellationToken cancellation)
    {
        var recipient = Account.Normalize(command.UserName);
        await using var session = store.LightweightSession();
        var unread = await session.Query<Notification>().Where(n => n.Recipient == recipient && n.ReadAt == null).ToListAsync(cancellation);
        foreach (var read in MarkAllNotificationsRead.Decide(unread, time.GetUtcNow())) session.Update(read);
        await session.SaveChangesAsync(cancellation);
        return new(unread.Count, await NotificationInbox.Unread(session, recipient, cancellation));
    }
}
