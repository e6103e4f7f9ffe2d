using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Web.Tests.Consultations;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>The outbox's e-mails reach a real SMTP server on loopback: intact, once, after an outage, and only if wanted.</summary>
public class EmailDeliveryTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private ConsultationSteps Commands => app.Commands;

    private async Task<(Guid Id, string Title, string Link)> Invited(params string[] experts)
    {
        var (id, _) = await app.Consultation(open: false);
        Assert.True((await Commands.Invite(id, experts, "moderator")).Decision!.Accepted);
        var details = await app.Details(id);
        return (id, details.Title, NotificationTexts.ConsultationLink(details.Slug));
    }

    private async Task DeliverAll()
    {
        while ((await app.Deliver()).Claimed > 0) { }
    }

    private IReadOnlyList<MimeMessage> Received(string title) => app.Smtp.Received.Where(m => m.Subject?.Contains(title) == true).ToList();

    [Fact]
    public async Task The_email_arrives_with_its_Vietnamese_text_intact_in_plain_text_and_html_and_links_to_the_consultation()
    {
        var (_, title, link) = await Invited("expert1");
        await DeliverAll();

        var message = Assert.Single(Received(title));
        Assert.Equal("nguyen.van.an@example.vn", message.To.Mailboxes.Single().Address);
        Assert.Equal("Nguyễn Văn An", message.To.Mailboxes.Single().Name);
        Assert.Equal("Cổng phản biện", message.From.Mailboxes.Single().Name);
        Assert.Equal($"Lời mời góp ý: {title}", message.Subject);
        var (notification, entry) = Assert.Single(await app.About(link));
        Assert.StartsWith("Bạn được mời phản biện dự thảo “", notification.Body);
        Assert.Contains(notification.Body, message.TextBody);
        Assert.Contains($"{NotificationsApp.BaseUrl}{link}", message.TextBody);
        Assert.Contains(notification.Body.Replace("&", "&amp;"), message.HtmlBody);
        Assert.Contains($"href=\"{NotificationsApp.BaseUrl}{link}\"", message.HtmlBody);
        Assert.Equal(EmailStatus.Sent, entry.Status);
        Assert.Equal(1, entry.Attempts);
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_nothing_is_lost_and_once_it_is_back_each_email_is_sent_once()
    {
        await DeliverAll();
        await app.Smtp.Stop();
        string title, link;
        try
        {
            (_, title, link) = await Invited("expert1", "expert2");
            var failed = await app.Deliver();
            // At least these two: an e-mail of an earlier test that came due for a retry may be in the same claim.
            Assert.Equal(0, failed.Sent);
            Assert.InRange(failed.Retrying, 2, int.MaxValue);
            Assert.All(await app.About(link), f =>
            {
                Assert.Equal(EmailStatus.Pending, f.Email.Status);
                Assert.Equal(1, f.Email.Attempts);
                Assert.NotNull(f.Email.LastError);
            });
        }
        finally
        {
            // The class shares the server: a failure here must not leave it down for the next test.
            app.Smtp.Start();
        }

        await DeliverAll();
        await DeliverAll();

        Assert.Equal(["le.nhung@example.vn", "nguyen.van.an@example.vn"], Received(title).Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(await app.About(link), f => Assert.Equal((EmailStatus.Sent, 2), (f.Email.Status, f.Email.Attempts)));
    }

    [Fact]
    public async Task Two_senders_delivering_at_once_never_send_the_same_email_twice()
    {
        await DeliverAll();
        var invited = new List<string>();
        for (var i = 0; i < 6; i++) invited.Add((await Invited("expert1", "expert2")).Title);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(DeliverAll)));

        foreach (var title in invited) Assert.Equal(2, Received(title).Count);
    }

    [Fact]
    public async Task An_expert_who_turned_an_email_kind_off_gets_it_in_app_only()
    {
        var expert = await app.As("expert2");
        var bad = await expert.PutAsJsonAsync("/api/me/notification-preferences", new { emailOff = new[] { "invitation", "nonsense" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("emailOff", out _));
        var saved = await expert.PutAsJsonAsync("/api/me/notification-preferences", new { emailOff = new[] { "invitation" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var preferences = await (await expert.GetAsync("/api/me/notification-preferences")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["invitation"], preferences.GetProperty("emailOff").EnumerateArray().Select(k => k.GetString()));

        try
        {
            var (_, title, link) = await Invited("expert1", "expert2");
            await DeliverAll();

            Assert.Equal(["nguyen.van.an@example.vn"], Received(title).Select(m => m.To.Mailboxes.Single().Address));
            var skipped = (await app.About(link)).Single(f => f.Notification.Recipient == "EXPERT2");
            Assert.Equal((EmailStatus.Skipped, "opted-out"), (skipped.Email.Status, skipped.Email.SkipReason));
            var inApp = await (await expert.GetAsync("/api/me/notifications")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(inApp.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == link);
        }
        finally
        {
            (await expert.PutAsJsonAsync("/api/me/notification-preferences", new { emailOff = Array.Empty<string>() })).EnsureSuccessStatusCode();
        }
    }
}
