using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

public partial class CookieLoginTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task The_login_form_signs_in_with_a_cookie_and_returns_to_the_asked_page()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/account/login?returnUrl=%2Fme");
        Assert.Contains("<label for=\"UserName\">Tên đăng nhập</label>", form);

        var response = await PostLoginAsync(browser, AntiforgeryToken(form), "moderator", ConsultationApp.DemoPassword, "/me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location?.OriginalString);
        var me = await browser.GetStringAsync("/me");
        Assert.Contains("ThS. Trần Thị Bích Ngọc", me);
        Assert.Contains("data-role=\"Moderator\"", me);
        Assert.Contains("data-policy=\"Moderate\"", me);
        Assert.DoesNotContain("data-policy=\"GiveFeedback\"", me);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/account/login");

        var response = await PostLoginAsync(browser, AntiforgeryToken(form), "official", ConsultationApp.DemoPassword, "https://example.org/steal");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_one_message()
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/account/login");

        var response = await PostLoginAsync(browser, AntiforgeryToken(form), "official", "wrong", "/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var response = await PostLoginAsync(Browser(), token: null, "moderator", ConsultationApp.DemoPassword, "/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_page_that_needs_sign_in_redirects_to_the_login_page()
    {
        var response = await Browser().GetAsync("/me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        var browser = Browser();
        await PostLoginAsync(browser, AntiforgeryToken(await browser.GetStringAsync("/account/login")), "expert1", ConsultationApp.DemoPassword, "/");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);

        var home = await browser.GetStringAsync("/");
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(home) }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
    }

    internal static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token in the page.");

    internal static Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string? token, string userName, string password, string returnUrl)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl };
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
