using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Reading;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Notifications;

/// <summary>/notifications: the signed-in person's notifications, newest first, to read and mark read.</summary>
[Authorize]
public sealed class IndexModel(NotificationInbox inbox, MarkNotificationReadHandler markRead, MarkAllNotificationsReadHandler markAllRead) : PageModel
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
        Notice = "Không tìm thấy thông báo này; đây là các thông báo mới nhất.";
        Before = null;
        Inbox = (await inbox.Of(UserName, cancellation: cancellation))!;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellation)
    {
        if (!(await markRead.Handle(new MarkNotificationRead(UserName, id), cancellation)).Accepted) Message = "Không tìm thấy thông báo này.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellation)
    {
        var outcome = await markAllRead.Handle(new MarkAllNotificationsRead(UserName), cancellation);
        Message = $"Đã đánh dấu {outcome.Marked} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
