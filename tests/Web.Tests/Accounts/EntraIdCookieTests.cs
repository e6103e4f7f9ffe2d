using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// In Entra ID mode the pages' own calls to <c>/api</c> and <c>/hubs</c> carry the sign-in cookie the OpenID Connect
/// sign-in left, not a token. With no network to sign in through, the test writes that cookie the way the cookie
/// scheme does after the callback: the app's own ticket format and key ring, the claims as the OpenID Connect handler
/// maps them (long names for <c>oid</c>, <c>tid</c> and roles).
/// </summary>
public class EntraIdCookieTests(EntraIdApp app) : IClassFixture<EntraIdApp>
{
    [Fact]
    public async Task The_sign_in_cookie_reaches_the_api_for_reads_and_writes()
    {
        var cookie = SignInCookie("thu.do@so-tu-phap.example", "Đỗ Thị Thu", "Expert");

        var me = await Send(HttpMethod.Get, "/api/me", cookie);
        var readAll = await Send(HttpMethod.Post, "/api/me/notifications/read-all", cookie);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("thu.do@so-tu-phap.example", body.GetProperty("userName").GetString());
        Assert.Equal(["Expert"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(readAll.IsSuccessStatusCode, $"POST read-all answered {(int)readAll.StatusCode}");
    }

    [Fact]
    public async Task Without_a_cookie_or_with_one_the_app_did_not_write_the_api_answers_401_without_a_redirect()
    {
        var forged = await Send(HttpMethod.Get, "/api/me", "nq45.auth=CfDJ8-not-a-ticket");
        var none = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync("/api/me/notifications/read-all", null);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Null(none.Headers.Location);
    }

    [Fact]
    public async Task A_role_the_cookie_lacks_gets_403_not_a_redirect()
    {
        var response = await Send(HttpMethod.Get, "/api/users", SignInCookie("ha.vo@so-tu-phap.example", "Võ Thị Hà", "Expert"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_sign_in_cookie_opens_a_hub_connection()
    {
        var cookie = SignInCookie("minh.ho@so-tu-phap.example", "Hồ Văn Minh", "Expert");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/notifications"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, cancellation);
                };
            })
            .Build();

        await connection.StartAsync();

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public void The_cookie_is_http_only_and_same_site_lax_so_other_sites_cannot_send_it_on_writes()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.Cookie.SameSite);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
    }

    /// <summary>The cookie the cookie scheme writes once Entra ID's sign-in callback has validated the ID token.</summary>
    private string SignInCookie(string userName, string displayName, params string[] roles)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var claims = new List<Claim>
        {
            new("name", displayName),
            new("preferred_username", userName),
            new("http://schemas.microsoft.com/identity/claims/objectidentifier", EntraIdApp.ObjectIdOf(userName)),
            new("http://schemas.microsoft.com/identity/claims/tenantid", EntraIdApp.TenantId),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation", "name", ClaimTypes.Role));
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, CookieAuthenticationDefaults.AuthenticationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
