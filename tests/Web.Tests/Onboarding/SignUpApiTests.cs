using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Onboarding;

/// <summary>
/// Sign-up over HTTP and the real SMTP server: the e-mailed link verifies the address once; the account then signs in
/// but may not take part until a moderator approves; reuse, expiry and a wrong token get one answer; a taken address
/// is never revealed; a decline's reason reaches the person.
/// </summary>
public class SignUpApiTests(OnboardingApp app) : IClassFixture<OnboardingApp>
{
    private const string Strong = "Mat-khau-manh-2026";

    private static string Address() => $"dang.ky.{Guid.NewGuid():N}@example.vn";

    private static string UserName() => $"dk{Guid.NewGuid():N}"[..20];

    private static object Body(string userName, string email) => new
    {
        userName, email, password = Strong, fullName = "Lê Văn Đăng Ký", academicTitle = "pgs", degree = "ts",
        fields = new[] { "y tế" }, organization = "Bệnh viện tỉnh", inProvince = true,
    };

    private async Task<HttpResponseMessage> SignUp(string userName, string email) =>
        await (await app.As(null)).PostAsJsonAsync("/api/auth/signup", Body(userName, email));

    private async Task<HttpResponseMessage> Verify(string token) =>
        await (await app.As(null)).PostAsJsonAsync("/api/auth/verify", new { token });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task AssertUnusable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OneTimeLink.Unusable, (await Json(response)).GetProperty("errors").GetProperty("token")[0].GetString());
    }

    /// <summary>Signs up and returns the token of the e-mail received.</summary>
    private async Task<string> SignedUp(string userName, string email)
    {
        var before = app.Smtp.Received.Count;
        Assert.Equal(HttpStatusCode.Accepted, (await SignUp(userName, email)).StatusCode);
        return OnboardingApp.VerifyTokenIn(await app.MailTo(email, before));
    }

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = await app.As(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await client.TokenAsync(userName, Strong));
        return client;
    }

    private async Task<JsonElement[]> Pending() =>
        [.. (await Json(await (await app.As("moderator")).GetAsync("/api/signups?status=pending"))).EnumerateArray()];

    [Fact]
    public async Task A_verified_sign_up_signs_in_but_takes_part_only_once_a_moderator_approves()
    {
        var (consultation, _) = await app.Consultation();
        var (userName, email) = (UserName(), Address());
        var token = await SignedUp(userName, email);
        Assert.DoesNotContain(await Pending(), s => s.GetProperty("userName").GetString() == userName);

        var verified = await Verify(token);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("pending", (await Json(verified)).GetProperty("status").GetString());
        var pending = Assert.Single(await Pending(), s => s.GetProperty("userName").GetString() == userName);
        Assert.Equal(email, pending.GetProperty("email").GetString());
        Assert.Equal("Lê Văn Đăng Ký", pending.GetProperty("fullName").GetString());
        Assert.DoesNotContain("hash", pending.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var person = await SignedIn(userName);
        Assert.Empty((await Json(await person.GetAsync("/api/me"))).GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/api/consultations/{consultation}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/signups")).StatusCode);

        var before = app.Smtp.Received.Count;
        var approved = await (await app.As("moderator")).PostAsync($"/api/signups/{userName}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await Json(approved)).GetProperty("status").GetString());
        Assert.Contains("đã được duyệt", (await app.MailTo(email, before)).Subject);
        Assert.Equal(["Expert"], (await Json(await person.GetAsync("/api/me"))).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null))).StatusCode);
        var profile = await Json(await person.GetAsync("/api/me/profile"));
        Assert.Contains("Bệnh viện tỉnh", profile.GetRawText());

        Assert.Equal(HttpStatusCode.Conflict, (await (await app.As("moderator")).PostAsync($"/api/signups/{userName}/approve", null)).StatusCode);
        Assert.DoesNotContain(await Pending(), s => s.GetProperty("userName").GetString() == userName);
        await AssertUnusable(await Verify(token));
    }

    [Fact]
    public async Task Reuse_expiry_and_a_wrong_token_each_get_the_same_answer_and_the_page_says_the_same_to_each()
    {
        await AssertUnusable(await Verify("khong-phai-token"));
        await AssertUnusable(await Verify(""));

        var expiring = await SignedUp(UserName(), Address());
        app.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            await AssertUnusable(await Verify(expiring));
            Assert.Contains("đã được dùng hoặc đã hết hạn", await (await app.As(null)).GetStringAsync($"/account/verify?token={expiring}"));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-3));
        }

        var used = await SignedUp(UserName(), Address());
        Assert.DoesNotContain("đã được dùng hoặc đã hết hạn", await (await app.As(null)).GetStringAsync($"/account/verify?token={used}"));
        Assert.Equal(HttpStatusCode.OK, (await Verify(used)).StatusCode);
        await AssertUnusable(await Verify(used));
        Assert.Contains("đã được dùng hoặc đã hết hạn", await (await app.As(null)).GetStringAsync($"/account/verify?token={used}"));
        Assert.Contains("đã được dùng hoặc đã hết hạn", await (await app.As(null)).GetStringAsync("/account/verify?token=khong-phai-token"));
    }

    [Fact]
    public async Task A_taken_user_name_is_a_400_on_the_field_and_a_taken_address_answers_the_same_202_and_writes_to_its_owner()
    {
        var taken = await SignUp("expert1", Address());
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await Json(taken)).GetProperty("errors").TryGetProperty("userName", out _));

        var bad = await (await app.As(null)).PostAsJsonAsync("/api/auth/signup", new { userName = "ab", email = "khong-phai-thu" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        foreach (var field in new[] { "userName", "email", "password", "fullName", "fields", "inProvince" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var email = Address();
        var first = UserName();
        await SignedUp(first, email);
        var before = app.Smtp.Received.Count;
        var again = await SignUp(UserName(), email.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("", await again.Content.ReadAsStringAsync());
        var told = await app.MailTo(email, before);
        Assert.Contains("đã có tài khoản", told.Subject);
        Assert.DoesNotContain("/account/verify", told.TextBody);

        // A pending request holds its user name too.
        var held = await SignUp(first, Address());
        Assert.Equal(HttpStatusCode.BadRequest, held.StatusCode);
    }

    [Fact]
    public async Task A_declined_person_gets_the_reason_by_e_mail_and_keeps_an_account_without_a_role()
    {
        var (userName, email) = (UserName(), Address());
        Assert.Equal(HttpStatusCode.OK, (await Verify(await SignedUp(userName, email))).StatusCode);
        var moderator = await app.As("moderator");
        var noReason = await moderator.PostAsJsonAsync($"/api/signups/{userName}/decline", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reason", out _));

        var before = app.Smtp.Received.Count;
        var declined = await moderator.PostAsJsonAsync($"/api/signups/{userName}/decline", new { reason = "Chưa xác minh được tư cách hội viên." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await Json(declined)).GetProperty("status").GetString());
        Assert.Contains("Chưa xác minh được tư cách hội viên.", (await app.MailTo(email, before)).TextBody);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/signups/{userName}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync("/api/signups/khong-co-ai/approve", null)).StatusCode);
        var person = await SignedIn(userName);
        Assert.Empty((await Json(await person.GetAsync("/api/me"))).GetProperty("roles").EnumerateArray());
        var list = await Json(await moderator.GetAsync("/api/signups?status=declined"));
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("userName").GetString() == userName);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.GetAsync("/api/signups?status=lung-tung")).StatusCode);
    }
}

/// <summary>Two sign-ups per address per hour (the test server's requests all come from one address).</summary>
public sealed class SignUpPerAddressApp() : AppWithSettings(new Dictionary<string, string?>
{
    ["RateLimits:SignUpPerAddress:Permits"] = "2",
    ["RateLimits:SignUpPerAddress:Window"] = "01:00:00",
});

public class SignUpLimitTests(SignUpPerAddressApp app) : IClassFixture<SignUpPerAddressApp>
{
    [Fact]
    public async Task Sign_ups_from_one_address_over_the_limit_are_refused_with_429()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/signup", new { userName = "ab" })).StatusCode);
        await Refusals.AssertProblem(await client.PostAsJsonAsync("/api/auth/signup", new { userName = "ab" }), TimeSpan.FromHours(1));
    }
}
