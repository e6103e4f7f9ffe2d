using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary>
/// The app signed in for real: API clients carry a bearer token from <c>POST /api/auth/login</c> for a
/// seeded demo account (one token per user per fixture); browsers sign in through the cookie form.
/// </summary>
public class ConsultationsApp : ConsultationApp
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Consultation:MinimumDays:legal-document", "20");
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client that sends the bearer token of the demo account <paramref name="userName"/>.</summary>
    public HttpClient As(string userName) => CreateDefaultClient(new BearerToken(() => Token(userName)));

    public HttpClient Moderator() => As("moderator");

    public HttpClient Expert() => As("expert1");

    public Task<string> Token(string userName) =>
        _tokens.GetOrAdd(userName, name => new Lazy<Task<string>>(() => CreateClient().TokenAsync(name, DemoPassword))).Value;

    /// <summary>A cookie-keeping client (no automatic redirects) signed in through the login form.</summary>
    public async Task<HttpClient> Browser(string userName)
    {
        var browser = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/login");
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoPassword, ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Cookie sign-in of {userName} failed: {signedIn.StatusCode}.");
        return browser;
    }

    /// <summary>A consultation created through the API, optionally with a version and opened.</summary>
    public async Task<Guid> NewConsultation(string title = "Dự thảo thử", bool publish = true, bool open = false)
    {
        var moderator = Moderator();
        var now = DateTimeOffset.UtcNow;
        var created = await moderator.PostAsJsonAsync("/api/consultations", new
        {
            title, summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = new[] { "y tế" }, audience = "public",
            documentType = "policy", opensAt = now, closesAt = now.AddDays(30),
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        if (publish)
            (await moderator.PostAsJsonAsync($"/api/consultations/{id}/versions", new { markdown = Samples.Legal })).EnsureSuccessStatusCode();
        if (open)
            (await moderator.PostAsync($"/api/consultations/{id}/open", null)).EnsureSuccessStatusCode();
        return id;
    }

    public sealed record IdOnly(Guid Id);

    /// <summary>Adds <c>Authorization: Bearer …</c> to every request, fetching the token on first use.</summary>
    private sealed class BearerToken(Func<Task<string>> token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Small drafts used by the API tests.</summary>
public static class Samples
{
    public const string Legal = """
        ## Chương I. QUY ĐỊNH CHUNG

        ### Điều 1. Phạm vi điều chỉnh

        1. Quy định này áp dụng cho việc lấy ý kiến chuyên gia.

        2. Các cơ quan, tổ chức có liên quan.

        ### Điều 2. Nguyên tắc

        Khách quan, độc lập, không vì lợi nhuận.
        """;
}
