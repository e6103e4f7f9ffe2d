using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>Notifications and their e-mails are written in the language each recipient chose on their account.</summary>
public class RecipientLanguageTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task A_recipient_who_chose_English_gets_English_and_one_who_chose_nothing_gets_Vietnamese()
    {
        var client = await app.As("expert2");
        var chosen = await client.PutAsJsonAsync("/api/me/language", new { language = "en" });
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));

        var (id, _) = await app.Consultation(open: false);
        Assert.True((await app.Commands.Invite(id, ["expert1", "expert2"], "moderator")).Decision!.Accepted);
        var details = await app.Details(id);
        while ((await app.Deliver()).Claimed > 0) { }

        var mails = app.Smtp.Received.Where(m => m.Subject?.Contains(details.Title) == true).ToList();
        var english = Assert.Single(mails, m => m.To.Mailboxes.Single().Address != "nguyen.van.an@example.vn");
        var vietnamese = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "nguyen.van.an@example.vn");

        Assert.Equal($"Invitation to comment: {details.Title}", english.Subject);
        Assert.StartsWith($"You are invited to critique the draft “{details.Title}”", english.TextBody);
        Assert.Contains("(Vietnam time)", english.TextBody);
        Assert.Contains("You receive this e-mail because you have an account", english.TextBody);
        Assert.Contains("<html lang=\"en\">", english.HtmlBody);
        Assert.DoesNotContain("Bạn", english.TextBody);

        Assert.Equal($"Lời mời góp ý: {details.Title}", vietnamese.Subject);
        Assert.StartsWith($"Bạn được mời phản biện dự thảo “{details.Title}”", vietnamese.TextBody);
        Assert.Contains("Bạn nhận thư này vì có tài khoản", vietnamese.TextBody);
        Assert.Contains("<html lang=\"vi\">", vietnamese.HtmlBody);

        // The in-app notification is the same text as the e-mail, in the same language.
        var found = await app.About(NotificationTexts.ConsultationLink(details.Slug));
        Assert.Equal("en", Assert.Single(found, f => f.Notification.Recipient == "EXPERT2").Notification.Language);
        Assert.Equal(english.Subject, Assert.Single(found, f => f.Notification.Recipient == "EXPERT2").Notification.Title);
        Assert.Equal(vietnamese.Subject, Assert.Single(found, f => f.Notification.Recipient == "EXPERT1").Notification.Title);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_language_is_a_400_naming_the_field(string? language)
    {
        var client = await app.As("expert3");
        var refused = await client.PutAsJsonAsync("/api/me/language", new { language });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("language", problem!.Errors.Keys);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }
}
