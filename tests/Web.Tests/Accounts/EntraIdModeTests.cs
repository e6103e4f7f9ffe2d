using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// Entra ID mode with no network: the JWT bearer options are pointed at a locally generated key and issuer,
/// so Identity.Web validates tokens the test signs itself.
/// </summary>
public sealed class EntraIdApp() : AppWithSettings(Settings("EntraId"), TrustTestKey)
{
    /// <summary>The settings of a mode using Entra ID (<c>EntraId</c> or <c>Both</c>), with this test tenant.</summary>
    public static Dictionary<string, string?> Settings(string mode) => new()
    {
        ["Auth:Mode"] = mode,
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
    };

    /// <summary>Bearer tokens are checked against the test's own key and issuer: no network.</summary>
    public static void TrustTestKey(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            options.ConfigurationManager = null;
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.IssuerSigningKey = Key;
            options.TokenValidationParameters.ValidAudiences = [ClientId, $"api://{ClientId}"];
            options.TokenValidationParameters.IssuerValidator = null;
        });

    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "66666666-7777-8888-9999-000000000000";
    public const string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Token(params string[] roles) => TokenFor("mai.vu@bo-tu-phap.example", "TS. Vũ Thị Mai", roles);

    /// <summary>A token of the person of this tenant whose object id is derived from <paramref name="userName"/>.</summary>
    public static string TokenFor(string userName, string displayName, params string[] roles) =>
        TokenOf(TenantId, ObjectIdOf(userName), userName, displayName, roles);

    public static string TokenOf(string tenantId, string objectId, string userName, string displayName, params string[] roles) =>
        Sign(new Dictionary<string, object>
        {
            ["name"] = displayName,
            ["preferred_username"] = userName,
            ["oid"] = objectId,
            ["tid"] = tenantId,
            ["roles"] = roles,
        });

    public static string Sign(Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = ClientId,
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        Claims = claims,
    });

    /// <summary>Entra ID gives each person one object id for good; the tests derive it from the first user name.</summary>
    public static string ObjectIdOf(string userName) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(userName)).AsSpan(0, 16)).ToString();
}

public class EntraIdModeTests(EntraIdApp app) : IClassFixture<EntraIdApp>
{
    [Fact]
    public async Task A_token_with_an_app_role_reaches_api_me_with_that_role()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EntraIdApp.Token("Moderator"));

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.JsonAsync();
        Assert.Equal("mai.vu@bo-tu-phap.example", me.GetProperty("userName").GetString());
        Assert.Equal("TS. Vũ Thị Mai", me.GetProperty("displayName").GetString());
        Assert.Equal(["Moderator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Without_a_token_api_me_answers_401_without_a_redirect()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        var otherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = EntraIdApp.Issuer,
            Audience = EntraIdApp.ClientId,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(otherKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["roles"] = new[] { "Admin" } },
        });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_first_request_creates_the_account_later_tokens_update_its_roles_audited_and_deactivation_refuses_the_token()
    {
        const string person = "lan.tran@so-tu-phap.example";
        var admin = Client(EntraIdApp.TokenFor("it.admin@so-tu-phap.example", "Quản trị CNTT", "Admin"));

        Assert.Equal(HttpStatusCode.OK, (await Client(EntraIdApp.TokenFor(person, "Trần Thị Lan", "Expert")).GetAsync("/api/me")).StatusCode);
        var account = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{person}");
        Assert.Equal("entra-id", account.GetProperty("source").GetString());
        Assert.Equal(["Expert"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var promoted = Client(EntraIdApp.TokenFor(person, "Trần Thị Lan", "Expert", "Moderator"));
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/api/me")).StatusCode);
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/users/{person}/history")).EnumerateArray().ToList();
        Assert.Equal(["registered-via-entra-id", "roles-changed"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("entra-id", history[1].GetProperty("by").GetString());
        Assert.Equal(["Moderator"], history[1].GetProperty("added").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{person}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await promoted.GetAsync("/api/me")).StatusCode);
        // Passwords and roles belong to Entra ID in this mode.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/users/{person}/roles", new { roles = new[] { "Admin" } })).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task The_local_login_api_does_not_exist_in_this_mode()
    {
        var response = await app.CreateClient().LoginAsync("admin", ConsultationApp.DemoPassword);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
