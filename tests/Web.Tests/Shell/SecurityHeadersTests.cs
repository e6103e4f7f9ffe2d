using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting.Internal;
using Nq45Consult.Web.Shell;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>The headers every answer carries, and HTTPS outside Development: HSTS, redirection, Secure cookies, trusted proxies only.</summary>
public class SecurityHeadersTests(ConsultationApp app) : IClassFixture<ConsultationApp>
{
    private const string PublicHost = "consult.example.vn";
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/consultations")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/css/site.css")]
    [InlineData("/js/feedback-form.js")]
    public async Task Every_answer_carries_the_content_security_policy_and_the_other_headers(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task With_https_not_required_plain_http_is_served_without_hsts()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{PublicHost}") }).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Https_is_required_everywhere_but_development_unless_set()
    {
        Assert.False(new HttpsOptions().IsRequired(new HostingEnvironment { EnvironmentName = "Development" }));
        Assert.True(new HttpsOptions().IsRequired(new HostingEnvironment { EnvironmentName = "Production" }));
        Assert.True(new HttpsOptions().IsRequired(new HostingEnvironment { EnvironmentName = "Staging" }));
        Assert.False(new HttpsOptions { Required = false }.IsRequired(new HostingEnvironment { EnvironmentName = "Production" }));
    }

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https()
    {
        await using var production = new OutsideDevelopment();

        var response = await production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{PublicHost}") })
            .GetAsync("/consultations?status=open");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/consultations?status=open", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts_and_every_cookie_is_secure()
    {
        await using var production = new OutsideDevelopment();
        var browser = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"https://{PublicHost}") });

        var form = await browser.GetAsync("/account/login");
        Assert.Equal($"max-age={365 * 24 * 3600}", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        var signedIn = await CookieLoginTests.PostLoginAsync(browser, CookieLoginTests.AntiforgeryToken(await form.Content.ReadAsStringAsync()), "expert1", ConsultationApp.DemoPassword, "/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var home = await browser.GetStringAsync("/");
        var culture = await browser.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);

        var cookies = new[] { antiforgery }.Concat(signedIn.Headers.GetValues("Set-Cookie")).Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("nq45.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_a_configured_proxy_only()
    {
        await using var behindProxy = new OutsideDevelopment(new() { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        var fromProxy = await ThroughProxy(behindProxy, Proxy);
        var fromElsewhere = await ThroughProxy(behindProxy, "198.51.100.9");

        // The proxy ended TLS: the app sees HTTPS and answers, with HSTS and a Secure cookie.
        Assert.Equal(StatusCodes.Status200OK, fromProxy.Response.StatusCode);
        Assert.True(fromProxy.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Contains("secure", fromProxy.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("203.0.113.7", fromProxy.Connection.RemoteIpAddress?.ToString());
        // Anyone else writing the same headers is ignored: their plain HTTP is redirected, their address kept.
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, fromElsewhere.Response.StatusCode);
        Assert.Equal("198.51.100.9", fromElsewhere.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task Without_configured_proxies_no_forwarded_header_is_believed_not_even_from_loopback()
    {
        await using var production = new OutsideDevelopment();

        var fromLoopback = await ThroughProxy(production, "127.0.0.1");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, fromLoopback.Response.StatusCode);
        Assert.Equal("127.0.0.1", fromLoopback.Connection.RemoteIpAddress?.ToString());
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example.vn", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks")]
    [InlineData("Https:Port", "0", "Https:Port")]
    public void A_wrong_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        using var wrong = new AppWithSettings(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());

        Assert.Contains(named, error.ToString());
    }

    /// <summary>A plain-HTTP request for the login page arriving from <paramref name="from"/>, saying a client reached the proxy over HTTPS.</summary>
    private static Task<HttpContext> ThroughProxy(WebApplicationFactory<Program> app, string from) =>
        app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(PublicHost);
            context.Request.Path = "/account/login";
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
        });

    /// <summary>The app with HTTPS required as it is by default outside Development (the test fixtures turn it off).</summary>
    private sealed class OutsideDevelopment(Dictionary<string, string?>? settings = null) : AppWithSettings(new Dictionary<string, string?>(settings ?? []) { ["Https:Required"] = "true" });
}
