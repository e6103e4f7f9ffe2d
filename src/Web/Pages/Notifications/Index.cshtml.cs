using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Notifications;

namespace Nq45Consult.Web.Pages.Notifications;

/// <summary>/notifications: the signed-in person's notifications, newest first, to read and mark read.</summary>
[Authorize]
public sealed class IndexModel(NotificationInbox inbox, LiveNotifications live) : PageModel
{
    public NotificationInbox.Page Inbox { get; private set; } = new([], 0);

    [TempData]
    public string? Message { get; set; }

    private string UserName => CurrentUser.From(User)!.UserName;

    public async Task OnGetAsync(CancellationToken cancellation) => Inbox = await inbox.Of(UserName, cancellation);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellation)
    {
        if (await inbox.MarkRead(UserName, id, cancellation)) live.Changed(UserName);
        else Message = "Không tìm thấy thông báo này.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellation)
    {
        var marked = await inbox.MarkAllRead(UserName, cancellation);
        live.Changed(UserName);
        Message = $"Đã đánh dấu {marked} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
