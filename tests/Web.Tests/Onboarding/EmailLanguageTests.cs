using System.Net.Http.Json;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Invitations;

namespace Nq45Consult.Web.Tests.Onboarding;

/// <summary>
/// E-mails to an address are written in the recipient's language: the account's choice when there is an account, else
/// the language of the request that caused them (<c>?culture=en</c>), else Vietnamese. One test per path.
/// </summary>
public class EmailLanguageTests(OnboardingApp app) : IClassFixture<OnboardingApp>
{
    private const string Strong = "Mat-khau-manh-2026";

    private static string Address() => $"ngon.ngu.{Guid.NewGuid():N}@example.vn";

    private static string UserName() => $"nn{Guid.NewGuid():N}"[..20];

    private static object Body(string userName, string email) => new
    {
        userName, email, password = Strong, fullName = "Lê Văn Anh", academicTitle = "pgs", degree = "ts",
        fields = new[] { "y tế" }, organization = "Bệnh viện tỉnh", inProvince = true,
    };

    private async Task<string> SignedUpInEnglish(string userName, string email)
    {
        var before = app.Smtp.Received.Count;
        (await (await app.As(null)).PostAsJsonAsync("/api/auth/signup?culture=en", Body(userName, email))).EnsureSuccessStatusCode();
        var message = await app.MailTo(email, before);
        Assert.Equal("Confirm your e-mail address", message.Subject);
        Assert.Contains("Open the link below to confirm this address", message.TextBody);
        return OnboardingApp.VerifyTokenIn(message);
    }

    [Fact]
    public async Task Password_reset_follows_the_accounts_language_over_the_requests()
    {
        var (userName, email) = (UserName(), Address());
        (await (await app.As("admin")).PostAsJsonAsync("/api/users",
            new { userName, displayName = "Anh", email, roles = new[] { "Expert" }, password = Strong })).EnsureSuccessStatusCode();
        var client = await app.As(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await client.TokenAsync(userName, Strong));
        (await client.PutAsJsonAsync("/api/me/language", new { language = "en" })).EnsureSuccessStatusCode();
        var before = app.Smtp.Received.Count;

        (await (await app.As(null)).PostAsJsonAsync("/api/auth/password-reset", new { email })).EnsureSuccessStatusCode();

        var message = await app.MailTo(email, before);
        Assert.Equal("Reset your password", message.Subject);
        Assert.Contains("Open the link below to choose a new password", message.TextBody);
    }

    [Fact]
    public async Task Sign_up_verification_follows_the_requests_language()
    {
        await SignedUpInEnglish(UserName(), Address());
        var email = Address();
        var before = app.Smtp.Received.Count;

        (await (await app.As(null)).PostAsJsonAsync("/api/auth/signup", Body(UserName(), email))).EnsureSuccessStatusCode();

        Assert.Equal("Xác nhận địa chỉ thư điện tử", (await app.MailTo(email, before)).Subject);
    }

    [Fact]
    public async Task A_decline_is_written_in_the_language_the_person_signed_up_in_not_the_moderators()
    {
        var (userName, email) = (UserName(), Address());
        var token = await SignedUpInEnglish(userName, email);
        (await (await app.As(null)).PostAsJsonAsync("/api/auth/verify", new { token })).EnsureSuccessStatusCode();
        var before = app.Smtp.Received.Count;

        (await (await app.As("moderator")).PostAsJsonAsync($"/api/signups/{userName}/decline", new { reason = "Chưa là hội viên." }))
            .EnsureSuccessStatusCode();

        var message = await app.MailTo(email, before);
        Assert.Equal("Your sign-up was not approved", message.Subject);
        Assert.Contains("Reason: Chưa là hội viên.", message.TextBody);
    }

    [Fact]
    public async Task An_invitation_to_an_address_without_an_account_follows_the_moderators_request()
    {
        var (consultation, _) = await app.Consultation(audience: "invited");
        var email = Address();
        var before = app.Smtp.Received.Count;

        (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{consultation}/invitations?culture=en", new { emails = new[] { email } }))
            .EnsureSuccessStatusCode();

        var message = await app.MailTo(email, before);
        Assert.StartsWith("Invitation to comment: ", message.Subject);
        Assert.Contains("Open the link below to create your account", message.TextBody);
        InvitationsApp.TokenIn(message);
    }
}
