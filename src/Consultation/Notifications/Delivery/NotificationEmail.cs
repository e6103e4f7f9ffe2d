using MimeKit;

namespace Nq45Consult.Consultation.Notifications.Delivery;

/// <summary>The e-mail of a notification: the same Vietnamese text as plain text and as HTML, with a link to what it is about.</summary>
public static class NotificationEmail
{
    public const string PreferencesPath = "/notifications/preferences";

    public static MimeMessage Compose(Notification notification, MailboxAddress to, SmtpOptions smtp, NotificationOptions options)
    {
        var link = options.Link(notification.Link).ToString();
        var preferences = options.Link(PreferencesPath).ToString();
        // An e-mail to an address without an account (an invitation) has nothing to turn off: it is sent once, on request.
        var addressed = NotificationOutbox.AddressOf(notification.Recipient) is not null;
        var footer = notification.Kind == NotificationKind.AccountSecurity
            ? "Bạn nhận thư này vì địa chỉ này là địa chỉ của một tài khoản trên cổng phản biện Nq45Consult."
            : addressed
            ? "Bạn nhận thư này vì được mời tham gia cổng phản biện Nq45Consult. Nếu không muốn tham gia, hãy bỏ qua thư này."
            : "Bạn nhận thư này vì có tài khoản trên cổng phản biện Nq45Consult.";
        var optOutText = addressed ? "" : $"Tắt loại thư này: {preferences}\n";
        var optOutHtml = addressed ? "" : $" <a href=\"{Html(preferences)}\">Tắt loại thư này</a>.";
        var message = new MimeMessage
        {
            Subject = notification.Title,
            // One Message-ID per notification: should a retry ever deliver twice, mail clients see one message.
            MessageId = $"{notification.Id:N}@nq45consult",
            Date = notification.CreatedAt,
        };
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(to);
        message.Body = new BodyBuilder
        {
            TextBody = $"{notification.Body}\n\nXem chi tiết: {link}\n\n--\n{footer}\n{optOutText}",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="vi">
                <head><meta charset="utf-8"><title>{Html(notification.Title)}</title></head>
                <body>
                <h1 style="font-size:1.25em">{Html(notification.Title)}</h1>
                <p>{Html(notification.Body)}</p>
                <p><a href="{Html(link)}">Xem chi tiết</a></p>
                <hr>
                <p style="color:#444;font-size:0.9em">{footer}{optOutHtml}</p>
                </body>
                </html>
                """,
        }.ToMessageBody();
        return message;
    }

    /// <summary>Escapes only what HTML needs: Vietnamese letters stay letters (WebUtility would turn "á" into "&#225;").</summary>
    private static string Html(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
