using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Web.Notifications;

/// <summary>
/// Pushes to the bell after the fact: a Marten listener notes the notifications each committed transaction inserted,
/// and this service sends each recipient their new unread count with what arrived. Pushing happens off the request
/// (an invitation of hundreds must not wait for hundreds of counts); a lost push loses nothing, since the bell and the
/// notifications page read the database.
/// </summary>
public sealed class LiveNotifications(IServiceProvider services, ILogger<LiveNotifications> logger) : BackgroundService
{
    private readonly Channel<(string Recipient, Notification? Arrived)> changes =
        Channel.CreateUnbounded<(string, Notification?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The person's notifications changed (arrived, or read); <paramref name="arrived"/> is sent along when given.</summary>
    public void Changed(string recipient, Notification? arrived = null) => changes.Writer.TryWrite((recipient, arrived));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the store's listener holds this service, so the store cannot be its dependency.
        var inbox = services.GetRequiredService<NotificationInbox>();
        var hub = services.GetRequiredService<IHubContext<NotificationsHub>>();
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<(string Recipient, Notification? Arrived)>();
            while (changes.Reader.TryRead(out var change)) batch.Add(change);
            foreach (var person in batch.GroupBy(c => c.Recipient))
            {
                try
                {
                    var arrived = person.Select(c => c.Arrived).OfType<Notification>().Select(NotificationView.Of).ToList();
                    var unread = await inbox.UnreadCount(person.Key, stoppingToken);
                    await hub.Clients.Group(NotificationsHub.GroupOf(person.Key)).SendAsync(NotificationsHub.Changed, new NotificationsChanged(unread, arrived), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Pushing notifications to {Recipient} failed", person.Key);
                }
            }
        }
    }

    /// <summary>Hands the notifications every session committed (arrived, or marked read) to <see cref="LiveNotifications"/>.</summary>
    public sealed class AfterCommit(LiveNotifications live) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var notification in commit.Inserted.OfType<Notification>()) live.Changed(notification.Recipient, notification);
            foreach (var recipient in commit.Updated.OfType<Notification>().Select(n => n.Recipient).Distinct()) live.Changed(recipient);
            return Task.CompletedTask;
        }
    }
}
