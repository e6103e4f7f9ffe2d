using MimeKit;
using Nq45Consult.Consultation.Accounts.Preferences;

namespace Nq45Consult.Consultation.Notifications.Delivery;

/// <summary>
/// The e-mail of a notification: the same text as plain text and as HTML, with a link to what it is about, all in the
/// notification's language (its recipient's).
/// </summary>
public static class NotificationEmail
{
    private sealed record Words(string Details, string OptOut, string InvitedFooter, string AccountFooter, string SecurityFooter);

    private static readonly Words Vietnamese = new(
        "Xem chi tiết", "Tắt loại thư này",
        "Bạn nhận thư này vì được mời tham gia cổng phản biện Nq45Consult. Nếu không muốn tham gia, hãy bỏ qua thư này.",
        "Bạn nhận thư này vì có tài khoản trên cổng phản biện Nq45Consult.",
        "Bạn nhận thư này vì địa chỉ này là địa chỉ của một tài khoản trên cổng phản biện Nq45Consult.");

    private static readonly Words English = new(
        "See the details", "Turn off e-mails of this kind",
        "You receive this e-mail because you were invited to the Nq45Consult consultation platform. If you do not wish to take part, ignore it.",
        "You receive this e-mail because you have an account on the Nq45Consult consultation platform.",
        "You receive this e-mail because this address belongs to an account on the Nq45Consult consultation platform.");

    public const string PreferencesPath = "/notifications/preferences";

    public static MimeMessage Compose(Notification notification, MailboxAddress to, SmtpOptions smtp, NotificationOptions options)
    {
        var link = options.Link(notification.Link).ToString();
        var preferences = options.Link(PreferencesPath).ToString();
        // An e-mail to an address without an account (an invitation) has nothing to turn off: it is sent once, on request.
        var addressed = NotificationOutbox.AddressOf(notification.Recipient) is not null;
        var words = Languages.IsEnglish(notification.Language) ? English : Vietnamese;
        var footer = notification.Kind == NotificationKind.AccountSecurity ? words.SecurityFooter
            : addressed ? words.InvitedFooter : words.AccountFooter;
        var optOutText = addressed ? "" : $"{words.OptOut}: {preferences}\n";
        var optOutHtml = addressed ? "" : $" <a href=\"{Html(preferences)}\">{words.OptOut}</a>.";
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
            TextBody = $"{notification.Body}\n\n{words.Details}: {link}\n\n--\n{footer}\n{optOutText}",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="{Languages.Of(notification.Language)}">
                <head><meta charset="utf-8"><title>{Html(notification.Title)}</title></head>
                <body>
                <h1 style="font-size:1.25em">{Html(notification.Title)}</h1>
                <p>{Html(notification.Body)}</p>
                <p><a href="{Html(link)}">{words.Details}</a></p>
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
