using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Reading;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Notifications;

/// <summary>/notifications: the signed-in person's notifications, newest first, to read and mark read.</summary>
[Authorize]
public sealed class IndexModel(NotificationInbox inbox, MarkNotificationReadHandler markRead, MarkAllNotificationsReadHandler markAllRead,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public NotificationInbox.Page Inbox { get; private set; } = new([], 0);

    /// <summary>The last notification of the previous page, when showing an older page.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Said on this page only (unlike <see cref="Message"/>, which survives the redirect after a post).</summary>
    public string? Notice { get; private set; }

    private string UserName => CallerClaims.From(User)!.UserName;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (await inbox.Of(UserName, Before, cancellation) is { } page)
        {
            Inbox = page;
            return;
        }
        Notice = texts["NotificationsNotFoundNewest"];
        Before = null;
        Inbox = (await inbox.Of(UserName, cancellation: cancellation))!;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellation)
    {
        if (!(await markRead.Handle(new MarkNotificationRead(UserName, id), cancellation)).Accepted) Message = texts["NotificationsNotFound"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellation)
    {
        var outcome = await markAllRead.Handle(new MarkAllNotificationsRead(UserName), cancellation);
        Message = texts["NotificationsMarked", outcome.Marked];
        return RedirectToPage();
    }
}
