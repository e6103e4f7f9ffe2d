using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Six failures lock an account (the suite's default limits leave parallel attempts through).</summary>
public sealed class ParallelLockoutApp() : AppWithSettings(new Dictionary<string, string?> { ["Auth:Lockout:MaxFailures"] = "6" });

/// <summary>Wrong passwords sent at the same instant each count toward the lock-out.</summary>
public class ParallelLockoutTests(ParallelLockoutApp app) : IClassFixture<ParallelLockoutApp>
{
    private const int Attempts = 6;

    private async Task<IReadOnlyList<string?>> Actions(string userName)
    {
        var admin = await app.CreateClient().SignedInAs("admin", ConsultationApp.DemoPassword);
        return [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/users/{userName}/history")).EnumerateArray().Select(e => e.GetProperty("action").GetString())];
    }

    [Fact]
    public async Task Parallel_wrong_sign_ins_are_each_counted_and_reach_the_lock_out()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(_ => app.CreateClient().LoginAsync("expert2", "wrong")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var actions = await Actions("expert2");
        Assert.Equal(Attempts, actions.Count(a => a == "sign-in-failed"));
        Assert.Single(actions, a => a == "locked-out");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync("expert2", ConsultationApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_current_passwords_on_the_password_change_each_count_and_reach_the_lock_out()
    {
        var person = await app.CreateClient().SignedInAs("expert3", ConsultationApp.DemoPassword);

        var answers = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(_ =>
            person.PutAsJsonAsync("/api/me/password", new { currentPassword = "wrong", newPassword = "Mat-khau-moi-2026!" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        var actions = await Actions("expert3");
        Assert.Equal(Attempts, actions.Count(a => a == "sign-in-failed"));
        Assert.Single(actions, a => a == "locked-out");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync("expert3", ConsultationApp.DemoPassword)).StatusCode);
        // Locked out, even the right current password changes nothing.
        var right = await person.PutAsJsonAsync("/api/me/password", new { currentPassword = ConsultationApp.DemoPassword, newPassword = "Mat-khau-moi-2026!" });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
    }
}

/// <summary>Changing one's own password ends the other sessions; "must change" holds on every page and API call.</summary>
public class PasswordSessionTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private const string Password = "Mat-khau-cu-2026!";
    private const string NewPassword = "Mat-khau-moi-2026!";

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new expert; with no password the answer's temporary one, which must be changed.</summary>
    private async Task<string> Person(string userName, string? password)
    {
        var admin = await app.CreateClient().SignedInAs("admin", ConsultationApp.DemoPassword);
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Người thử", email = $"{userName}@vusta.example.vn", roles = new[] { "Expert" }, password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return password ?? (await created.JsonAsync()).GetProperty("temporaryPassword").GetString()!;
    }

    private async Task<HttpClient> CookieSession(string userName, string password)
    {
        var browser = Browser();
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync("/account/login")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private static async Task<bool> SignedIn(HttpClient browser) => (await browser.GetAsync("/me")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task A_password_change_through_the_api_ends_the_other_sessions_and_gives_the_caller_a_new_token()
    {
        await Person("change.api", Password);
        var caller = await app.CreateClient().TokenAsync("change.api", Password);
        var otherToken = await app.CreateClient().TokenAsync("change.api", Password);
        var otherCookie = await CookieSession("change.api", Password);

        var changed = await Bearer(caller).PutAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var renewed = (await changed.JsonAsync()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Bearer(renewed).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(otherToken).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(caller).GetAsync("/api/me")).StatusCode);
        Assert.False(await SignedIn(otherCookie));
    }

    [Fact]
    public async Task A_password_change_on_the_page_keeps_that_browser_signed_in_and_ends_the_others()
    {
        await Person("change.page", Password);
        var browser = await CookieSession("change.page", Password);
        var otherBrowser = await CookieSession("change.page", Password);
        var token = await app.CreateClient().TokenAsync("change.page", Password);
        var form = await browser.GetStringAsync("/account/password");

        var changed = await browser.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await SignedIn(browser));
        Assert.False(await SignedIn(otherBrowser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Until_a_temporary_password_is_changed_every_api_call_is_refused_and_every_page_leads_to_the_change()
    {
        var temporary = await Person("must.change", password: null);
        var token = await app.CreateClient().TokenAsync("must.change", temporary);
        var browser = await CookieSession("must.change", temporary);

        foreach (var route in new[] { "/api/me", "/api/consultations", "/api/me/feedback" })
        {
            var refused = await Bearer(token).GetAsync(route);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("/api/me/password", (await refused.JsonAsync()).GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(token).PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null)).StatusCode);
        foreach (var page in new[] { "/me/feedback", "/consultations", "/" })
        {
            var redirected = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Equal($"/account/password?returnUrl={Uri.EscapeDataString(page)}", redirected.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/password")).StatusCode);

        var changed = await Bearer(token).PutAsJsonAsync("/api/me/password", new { currentPassword = temporary, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var renewed = (await changed.JsonAsync()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Bearer(renewed).GetAsync("/api/consultations")).StatusCode);
    }
}

/// <summary>A 30-minute sign-in cookie, on a clock the test moves.</summary>
public sealed class CookieLifetimeApp() : AppWithSettings(
    new Dictionary<string, string?> { ["Auth:CookieMinutes"] = "30" },
    services => services.AddSingleton<TimeProvider>(Clock))
{
    public static readonly ManualClock Clock = new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
}

public class CookieLifetimeTests(CookieLifetimeApp app) : IClassFixture<CookieLifetimeApp>
{
    [Fact]
    public async Task The_sign_in_cookie_lasts_the_configured_minutes_without_use()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "expert1", ["Password"] = ConsultationApp.DemoPassword,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync("/account/login")),
        }));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        CookieLifetimeApp.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        // The request at minute 29 renewed it (sliding): 29 more minutes still inside, 31 without use outside.
        CookieLifetimeApp.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);
        CookieLifetimeApp.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
    }
}
