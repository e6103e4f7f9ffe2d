using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Drafts;

/// <summary>
/// The app with a test sign-in: <c>X-Test-User: name;Role1,Role2</c> authenticates as that user, no
/// header is anonymous. Keeps these tests independent of how accounts sign in.
/// </summary>
public class DraftsApp : ConsultationApp
{
    public const string Scheme = "Test";
    public const string Header = "X-Test-User";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Consultation:MinimumDays:legal-document", "20");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(options =>
                {
                    options.DefaultScheme = Scheme;
                    options.DefaultAuthenticateScheme = Scheme;
                    options.DefaultChallengeScheme = Scheme;
                    options.DefaultForbidScheme = Scheme;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(Scheme, _ => { });
        });
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient As(string userName, string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(Header, $"{userName};{role}");
        return client;
    }

    public HttpClient Moderator() => As("moderator", "Moderator");

    public HttpClient Expert() => As("expert1", "Expert");

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

    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.ToString().Split(';');
            var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
            claims.AddRange(parts.ElementAtOrDefault(1)?.Split(',').Select(r => new Claim(ClaimTypes.Role, r)) ?? []);
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, DraftsApp.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, DraftsApp.Scheme)));
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
