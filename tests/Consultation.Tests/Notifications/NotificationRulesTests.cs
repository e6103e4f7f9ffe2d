using MimeKit;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;

namespace Nq45Consult.Consultation.Tests.Notifications;

public class NotificationRulesTests
{
    private static readonly NotificationOptions Options = new()
    {
        BaseUrl = "https://phanbien.example.vn/",
        FirstRetryDelay = TimeSpan.FromSeconds(30),
        MaxRetryDelay = TimeSpan.FromMinutes(5),
    };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(40, 300)]
    public void Retries_back_off_exponentially_up_to_the_cap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Options.RetryDelay(attempts));

    [Fact]
    public void Times_are_shown_in_Vietnam_time() =>
        Assert.Equal("07:30 ngày 02/01/2027 (giờ Việt Nam)", NotificationTexts.VietnamTime(new DateTimeOffset(2027, 1, 2, 0, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void The_hidden_item_notice_carries_the_reason_and_links_to_the_item()
    {
        var id = Guid.CreateVersion7();
        var notice = NotificationTexts.ItemHidden("Kế hoạch số", "Lộ số điện thoại", id);
        Assert.Equal(NotificationKind.ItemHidden, notice.Kind);
        Assert.EndsWith("Lý do: Lộ số điện thoại", notice.Body);
        Assert.Equal($"/me/feedback#item-{id}", notice.Link);
    }

    [Fact]
    public void The_response_notice_counts_only_when_there_are_several_items()
    {
        Assert.DoesNotContain(" 1 góp ý", NotificationTexts.ResponsePublished("KH", 1, "kh").Body);
        Assert.Contains("cho 3 góp ý của bạn", NotificationTexts.ResponsePublished("KH", 3, "kh").Body);
    }

    [Fact]
    public void The_email_has_the_same_vietnamese_text_as_plain_text_and_escaped_html_with_absolute_links()
    {
        var notification = new Notification(Guid.CreateVersion7(), "EXPERT1", NotificationKind.Invitation, "Lời mời góp ý: Đề án <số 1>",
            "Bạn được mời phản biện dự thảo “Đề án” của Sở KH&CN.", "/consultations/de-an", DateTimeOffset.UtcNow);
        var smtp = new SmtpOptions { Host = "localhost", From = "Cổng phản biện <no-reply@example.vn>" };

        var message = NotificationEmail.Compose(notification, new MailboxAddress("Nguyễn Văn An", "an@example.vn"), smtp, Options);

        Assert.Equal(notification.Title, message.Subject);
        Assert.Contains("Bạn được mời phản biện dự thảo “Đề án” của Sở KH&CN.", message.TextBody);
        Assert.Contains("https://phanbien.example.vn/consultations/de-an", message.TextBody);
        Assert.Contains("Bạn được mời phản biện dự thảo “Đề án” của Sở KH&amp;CN.", message.HtmlBody);
        Assert.Contains("Lời mời góp ý: Đề án &lt;số 1&gt;", message.HtmlBody);
        Assert.Contains("href=\"https://phanbien.example.vn/notifications/preferences\"", message.HtmlBody);
        Assert.Equal($"{notification.Id:N}@nq45consult", message.MessageId);
    }

    [Fact]
    public void Preferences_parse_kebab_case_kinds_and_report_unknown_ones()
    {
        var (kinds, unknown) = NotificationPreferences.Parse(["consultation-closing-soon", "Invitation", "invitation", "bell", null]);
        Assert.Equal([NotificationKind.Invitation, NotificationKind.ConsultationClosingSoon], kinds);
        Assert.Equal(["bell", ""], unknown);
    }

    [Fact]
    public void A_persons_preferences_have_one_stable_id_whatever_the_case_of_the_name()
    {
        Assert.Equal(NotificationPreferences.IdOf("expert1"), NotificationPreferences.IdOf(" EXPERT1 "));
        Assert.NotEqual(NotificationPreferences.IdOf("expert1"), NotificationPreferences.IdOf("expert2"));
    }

    [Fact]
    public void Settings_are_checked_with_their_paths()
    {
        Assert.Empty(new SmtpOptions().Problems());
        Assert.Contains("Smtp:From must be an e-mail address.", new SmtpOptions { Host = "smtp.example.vn", From = "nobody" }.Problems());
        Assert.Contains("Smtp:UserName is required with a Password.", new SmtpOptions { Host = "smtp.example.vn", From = "a@b.vn", Password = "x" }.Problems());
        Assert.Contains("Notifications:BaseUrl must be an absolute http(s) address.", new NotificationOptions { BaseUrl = "/relative" }.Problems());
        Assert.Empty(Options.Problems());
    }
}
