using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Web.Tests.Accounts.Resetting;

/// <summary>
/// "Forgot password" through the API, against the real SMTP server: the same answer for known and unknown addresses,
/// a single-use link that ends every session, and one equal answer for a used, expired, superseded or wrong token.
/// </summary>
public class PasswordResetTests(PasswordResetApp app) : IClassFixture<PasswordResetApp>
{
    private const string NewPassword = "Mat-khau-moi-2026";

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once_and_ends_every_session()
    {
        var (userName, email) = await app.NewAccount();
        var before = await app.SignedIn(userName, PasswordResetApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await before!.GetAsync("/api/me")).StatusCode);
        var anonymous = app.CreateClient();

        var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var token = PasswordResetApp.ResetTokenIn(await app.MailTo(email));

        var weak = await anonymous.PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await Errors(weak)).TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/me")).StatusCode);

        var done = await anonymous.PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/me")).StatusCode);
        Assert.Null(await app.SignedIn(userName, PasswordResetApp.DemoPassword));
        Assert.NotNull(await app.SignedIn(userName, NewPassword));

        var again = await anonymous.PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = "Mat-khau-khac-2026" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(OneTimeLink.Unusable, (await Errors(again)).GetProperty("token")[0].GetString());
        Assert.NotNull(await app.SignedIn(userName, NewPassword));
    }

    [Fact]
    public async Task A_completed_reset_lifts_a_lock_out_in_force_so_the_new_password_signs_in_at_once()
    {
        var (userName, email) = await app.NewAccount();
        // The default policy: five wrong passwords lock the account for 15 minutes, the right one included.
        for (var attempt = 0; attempt < 5; attempt++) Assert.Null(await app.SignedIn(userName, "Sai-mat-khau-2026"));
        Assert.Null(await app.SignedIn(userName, PasswordResetApp.DemoPassword));

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email })).StatusCode);
        var token = PasswordResetApp.ResetTokenIn(await app.MailTo(email));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = NewPassword })).StatusCode);

        Assert.NotNull(await app.SignedIn(userName, NewPassword));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        var (_, known) = await app.NewAccount();
        var unknown = $"khong.ai.{Guid.NewGuid():N}@example.vn";
        var anonymous = app.CreateClient();

        var forKnown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = known });
        var forUnknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = unknown });

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Equal(forKnown.Content.Headers.ContentType, forUnknown.Content.Headers.ContentType);
        await app.MailTo(known);
        await using var query = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var recipient = NotificationOutbox.AddressedRecipient(unknown);
        Assert.Equal(0, await query.Query<Notification>().CountAsync(n => n.Recipient == recipient));
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == unknown));
    }

    [Fact]
    public async Task A_wrong_expired_or_superseded_token_gets_one_equal_answer()
    {
        var (_, email) = await app.NewAccount();
        var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var first = PasswordResetApp.ResetTokenIn(await app.MailTo(email));
        var count = app.Smtp.Received.Count;
        await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email });
        var second = PasswordResetApp.ResetTokenIn(await app.MailTo(email, count));
        app.Clock.Advance(TimeSpan.FromMinutes(61));

        var answers = new List<string>();
        foreach (var token in new[] { first, second, "khong-phai-token", first[..^1] })
        {
            var refused = await anonymous.PostAsJsonAsync("/api/auth/password-reset/complete", new { token, password = NewPassword });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            answers.Add((await Errors(refused)).GetRawText());
        }
        Assert.Single(answers.Distinct());

        var badAddress = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "khong-phai-dia-chi" });
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.True((await Errors(badAddress)).TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Requests_for_one_address_are_limited_whether_or_not_it_is_known()
    {
        var unknown = $"nhieu.lan.{Guid.NewGuid():N}@example.vn";
        var anonymous = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = unknown })).StatusCode);

        var refused = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = unknown });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    private static async Task<JsonElement> Errors(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
}
