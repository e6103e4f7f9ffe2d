using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

public class ShellTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    [Fact]
    public async Task The_home_page_is_vietnamese_by_default_with_landmarks_and_a_skip_link()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Nq45Consult — Tham vấn, phản biện chính sách", html);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html);
        Assert.Contains("<main id=\"main\"", html);
        Assert.Contains("href=\"/consultations\"", html);
        Assert.Contains("href=\"/account/login", html);
    }

    [Fact]
    public async Task The_language_switch_remembers_english()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var home = await browser.GetStringAsync("/");

        var switched = await browser.PostAsync("/Culture?returnUrl=%2Faccount%2Flogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(home),
        }));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        var login = await browser.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"en\">", login);
        Assert.Contains("<label for=\"UserName\">User name</label>", login);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_accounts_api()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/me", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
    }

    [Fact]
    public async Task Ready_answers_200_once_the_schema_is_applied()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_address_answers_problem_details()
    {
        var response = await app.CreateClient().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_stylesheet_is_served()
    {
        var response = await app.CreateClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(":focus-visible", await response.Content.ReadAsStringAsync());
    }
}
