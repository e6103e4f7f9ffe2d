using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Notifications;

/// <summary>
/// The bell's live feed, <c>/hubs/notifications</c>: each signed-in connection joins its person's group; the server
/// sends <c>notificationsChanged</c> (a <see cref="NotificationsChanged"/>) once on connecting (after joining, so a
/// client that has it misses nothing later; a reconnected bell catches up) and whenever something arrives or is read
/// elsewhere. Clients only listen.
/// </summary>
[Authorize]
public sealed class NotificationsHub(NotificationInbox inbox) : Hub
{
    public const string Path = "/hubs/notifications";
    public const string Changed = "notificationsChanged";

    public static string GroupOf(string userName) => $"notifications:{Account.Normalize(userName)}";

    public override async Task OnConnectedAsync()
    {
        if (CallerClaims.From(Context.User!) is { } user)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(user.UserName));
            await Clients.Caller.SendAsync(Changed, new NotificationsChanged(await inbox.UnreadCount(user.UserName, Context.ConnectionAborted), []));
        }
        await base.OnConnectedAsync();
    }
}

/// <summary>The person's unread count now, and what just arrived (empty when only the count changed).</summary>
public sealed record NotificationsChanged(int Unread, IReadOnlyList<NotificationView> Arrived);
