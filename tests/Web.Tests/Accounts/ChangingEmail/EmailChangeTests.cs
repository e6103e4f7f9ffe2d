using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Web.Tests.Accounts.Resetting;

namespace Nq45Consult.Web.Tests.Accounts.ChangingEmail;

/// <summary>
/// A change of e-mail address through the API, against the real SMTP server: the account keeps its address until the
/// link sent to the new one is followed, the old address is told, every unusable token gets one answer, and an address
/// another account holds gets the same 202 and is refused at confirmation.
/// </summary>
public partial class EmailChangeTests(PasswordResetApp app) : IClassFixture<PasswordResetApp>
{
    private static string Address() => $"moi.{Guid.NewGuid():N}@example.vn";

    private async Task<string?> EmailOf(string userName) =>
        (await (await app.SignedIn("admin", PasswordResetApp.DemoPassword))!.GetFromJsonAsync<JsonElement>($"/api/users/{userName}")).GetProperty("email").GetString();

    private static string TokenIn(MimeMessage message)
    {
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        return link.Groups[1].Value;
    }

    private static async Task<JsonElement> Errors(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task The_address_changes_only_when_the_link_sent_to_the_new_one_is_followed_and_the_old_one_is_told()
    {
        var (userName, old) = await app.NewAccount();
        var client = (await app.SignedIn(userName, PasswordResetApp.DemoPassword))!;
        var fresh = Address();
        var before = app.Smtp.Received.Count;

        var asked = await client.PostAsJsonAsync("/api/me/email", new { email = fresh, password = PasswordResetApp.DemoPassword });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var link = await app.MailTo(fresh, before);
        var notice = await app.MailTo(old, before);
        Assert.Equal("Xác nhận địa chỉ thư điện tử mới", link.Subject);
        Assert.Equal("Có yêu cầu đổi địa chỉ thư điện tử", notice.Subject);
        Assert.Contains(fresh, notice.TextBody);
        Assert.Equal(old, await EmailOf(userName));

        var anonymous = app.CreateClient();
        var token = TokenIn(link);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/me/email/confirm", new { token })).StatusCode);
        Assert.Equal(fresh, await EmailOf(userName));

        var answers = new List<string>();
        foreach (var wrong in new[] { token, "khong-phai-token", token[..^1] })
        {
            var refused = await anonymous.PostAsJsonAsync("/api/me/email/confirm", new { token = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = await Errors(refused);
            Assert.Equal(OneTimeLink.Unusable, errors.GetProperty("token")[0].GetString());
            answers.Add(errors.GetRawText());
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task An_address_of_another_account_gets_the_same_answer_and_is_refused_at_confirmation()
    {
        var (userName, old) = await app.NewAccount();
        var (_, taken) = await app.NewAccount();
        var (other, _) = await app.NewAccount();
        var before = app.Smtp.Received.Count;

        var asked = await (await app.SignedIn(userName, PasswordResetApp.DemoPassword))!
            .PostAsJsonAsync("/api/me/email", new { email = taken, password = PasswordResetApp.DemoPassword });
        var free = await (await app.SignedIn(other, PasswordResetApp.DemoPassword))!
            .PostAsJsonAsync("/api/me/email", new { email = Address(), password = PasswordResetApp.DemoPassword });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(asked.StatusCode, free.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await asked.Content.ReadAsStringAsync());
        var refused = await app.CreateClient().PostAsJsonAsync("/api/me/email/confirm", new { token = TokenIn(await app.MailTo(taken, before)) });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(old, await EmailOf(userName));
    }

    [Fact]
    public async Task A_wrong_password_or_address_is_a_400_naming_the_field_and_nothing_is_sent()
    {
        var (userName, _) = await app.NewAccount();
        var client = (await app.SignedIn(userName, PasswordResetApp.DemoPassword))!;
        var fresh = Address();

        var wrong = await client.PostAsJsonAsync("/api/me/email", new { email = fresh, password = "sai-mat-khau" });
        var bad = await client.PostAsJsonAsync("/api/me/email", new { email = "khong-phai-dia-chi", password = PasswordResetApp.DemoPassword });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await Errors(wrong)).TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Errors(bad)).TryGetProperty("email", out _));
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == fresh));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/me/email", new { email = fresh, password = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_account_whose_language_is_english_gets_both_emails_in_english()
    {
        var (userName, old) = await app.NewAccount();
        var client = (await app.SignedIn(userName, PasswordResetApp.DemoPassword))!;
        (await client.PutAsJsonAsync("/api/me/language", new { language = "en" })).EnsureSuccessStatusCode();
        var fresh = Address();
        var before = app.Smtp.Received.Count;

        (await client.PostAsJsonAsync("/api/me/email", new { email = fresh, password = PasswordResetApp.DemoPassword })).EnsureSuccessStatusCode();

        var link = await app.MailTo(fresh, before);
        Assert.Equal("Confirm your new e-mail address", link.Subject);
        Assert.Contains("Open the link below", link.TextBody);
        Assert.Equal("A change of your e-mail address was asked", (await app.MailTo(old, before)).Subject);
    }

    [GeneratedRegex(@"https?://\S+/account/email\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
