using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>Three sign-in attempts per address per hour (the test server's requests all come from one address).</summary>
public sealed class SignInPerAddressApp() : AppWithSettings(new Dictionary<string, string?>
{
    ["RateLimits:SignInPerAddress:Permits"] = "3",
    ["RateLimits:SignInPerAddress:Window"] = "01:00:00",
});

/// <summary>Three sign-in attempts per user name per hour.</summary>
public sealed class SignInPerUserNameApp() : AppWithSettings(new Dictionary<string, string?>
{
    ["RateLimits:SignInPerUserName:Permits"] = "3",
    ["RateLimits:SignInPerUserName:Window"] = "01:00:00",
});

internal static class Refusals
{
    /// <summary>A 429 answer with a Retry-After of a positive number of seconds, no longer than <paramref name="window"/>.</summary>
    public static void AssertTooManyRequests(HttpResponseMessage response, TimeSpan window)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After in seconds.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), window);
    }

    public static async Task AssertProblem(HttpResponseMessage response, TimeSpan window)
    {
        AssertTooManyRequests(response, window);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("giây", problem.GetProperty("detail").GetString());
    }
}

public class SignInPerAddressTests(SignInPerAddressApp app) : IClassFixture<SignInPerAddressApp>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public async Task Attempts_from_one_address_over_the_limit_are_refused_on_the_api_and_the_page_alike()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login?culture=en");
        // Each attempt names another user, so only the address can tie them together.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert1", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert2", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert3", "wrong")).StatusCode);

        var api = await client.LoginAsync("official", ConsultationApp.DemoPassword);
        var page = await client.PostAsync("/account/login?culture=en", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "moderator", ["Password"] = ConsultationApp.DemoPassword,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));

        await Refusals.AssertProblem(api, Window);
        Refusals.AssertTooManyRequests(page, Window);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Please try again in", html);
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Empty(await HtmlValidator.Problems(html));
        // Opening the form is not an attempt, and the refused sign-ins signed nobody in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
    }
}

public class SignInPerUserNameTests(SignInPerUserNameApp app) : IClassFixture<SignInPerUserNameApp>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public async Task Attempts_on_one_user_name_over_the_limit_are_refused_even_with_the_right_password_while_others_sign_in()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("expert2", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync("EXPERT2", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(" expert2", "wrong")).StatusCode);

        var refused = await client.LoginAsync("expert2", ConsultationApp.DemoPassword);

        await Refusals.AssertProblem(refused, Window);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("expert3", ConsultationApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_counts_the_same_attempts_and_says_so_in_the_form()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync("official", "wrong")).StatusCode);
        var form = await browser.GetStringAsync("/account/login");

        var page = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "official", ["Password"] = ConsultationApp.DemoPassword,
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));

        Refusals.AssertTooManyRequests(page, Window);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng thử lại sau", html);
        Assert.Contains("name=\"UserName\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
    }
}
