using Microsoft.AspNetCore.Mvc;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Notifications;

/// <summary>The bell in the header: a link to the notifications page with the unread count, which notification-bell.js keeps live.</summary>
public sealed class NotificationBellViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? current)
    {
        var user = CallerClaims.From(UserClaimsPrincipal);
        var unread = user is null ? 0 : await inbox.UnreadCount(user.UserName, HttpContext.RequestAborted);
        return View(new Bell(unread, current));
    }

    public sealed record Bell(int Unread, string? Current);
}
