using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Registering;
using Nq45Consult.TestSupport;
using Nq45Consult.Web.Storage;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Web.Tests.Storage;

/// <summary>An app node on Kestrel at 127.0.0.1 over the given database, reached over real HTTP.</summary>
public sealed class KeyNode : AppWithSettings
{
    /// <param name="seed">Whether to seed the demo accounts, which two nodes starting at once must not both do.</param>
    public KeyNode(string database, bool seed = true)
        : base(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = database, ["Seed:Demo"] = seed ? "true" : "false" })
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }

    /// <summary>A client that keeps no cookies and follows no redirects: the test says what each request carries.</summary>
    public HttpClient Http() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Root };

    /// <summary>The key ring's elements as the database holds them.</summary>
    public async Task<IReadOnlyList<DataProtectionKey>> StoredKeys()
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<DataProtectionKey>().ToListAsync();
    }
}

/// <summary>
/// Sign-in cookies, bearer tokens and anti-forgery tokens are protected with the key ring kept in PostgreSQL:
/// whatever one node issues the other accepts, and a restart signs nobody out.
/// </summary>
public class SharedKeysTests
{
    [Fact]
    public async Task A_cookie_a_form_and_a_token_issued_by_one_node_are_accepted_by_the_other()
    {
        var database = TestCluster.CreateDatabase("sharedkeys");
        using var a = new KeyNode(database);
        using var b = new KeyNode(database);

        // The login form comes from node A and is posted to node B: the anti-forgery token crosses nodes too.
        var cookie = await SignInWithCookie(form: a, post: b, "moderator");
        var token = await a.Http().TokenAsync("expert1", ConsultationApp.DemoPassword);

        await AssertCookieSignedIn(a, cookie, "ThS. Trần Thị Bích Ngọc");
        await AssertCookieSignedIn(b, cookie, "ThS. Trần Thị Bích Ngọc");
        await AssertTokenSignedIn(b, token, "expert1");
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(b.Root, "/hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);

        // Both were protected with a key the database holds, not one of a node's own.
        var stored = (await a.StoredKeys()).Select(k => k.Xml).ToList();
        Assert.Contains(stored, xml => xml.Contains($"id=\"{KeyIdOf(token)}\"", StringComparison.Ordinal));
        Assert.Contains(stored, xml => xml.Contains($"id=\"{KeyIdOf(cookie.Split('=', 2)[1])}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_make_one_key_between_them()
    {
        var database = TestCluster.CreateDatabase("firstkey");

        var nodes = await Task.WhenAll(Task.Run(() => new KeyNode(database, seed: false)), Task.Run(() => new KeyNode(database, seed: false)));
        try
        {
            await nodes[0].Services.GetRequiredService<RegisterAccountHandler>()
                .Handle(new RegisterAccount("first.key", "Chuyên gia thử", [Role.Expert], ConsultationApp.DemoPassword, "tests"), CancellationToken.None);
            var token = await nodes[0].Http().TokenAsync("first.key", ConsultationApp.DemoPassword);

            var key = Assert.Single(await nodes[0].StoredKeys());
            Assert.Contains($"id=\"{KeyIdOf(token)}\"", key.Xml, StringComparison.Ordinal);
            await AssertTokenSignedIn(nodes[1], token, "first.key");
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }

    [Fact]
    public async Task A_restart_on_the_same_database_keeps_cookies_and_tokens_and_every_key()
    {
        var database = TestCluster.CreateDatabase("restartkeys");
        string cookie, token;
        IReadOnlyList<DataProtectionKey> keysBefore;
        using (var before = new KeyNode(database))
        {
            cookie = await SignInWithCookie(before, before, "official");
            token = await before.Http().TokenAsync("expert2", ConsultationApp.DemoPassword);
            await AssertTokenSignedIn(before, token, "expert2");
            keysBefore = await before.StoredKeys();
        }

        using var after = new KeyNode(database);

        await AssertCookieSignedIn(after, cookie, "Phạm Quốc Hùng");
        await AssertTokenSignedIn(after, token, "expert2");
        var keysAfter = await after.StoredKeys();
        Assert.NotEmpty(keysBefore);
        Assert.Superset(keysBefore.Select(k => k.Id).ToHashSet(), keysAfter.Select(k => k.Id).ToHashSet());
    }

    /// <summary>Signs in through the login page and returns the sign-in cookie as <c>name=value</c>.</summary>
    private static async Task<string> SignInWithCookie(KeyNode form, KeyNode post, string userName)
    {
        var page = await form.Http().GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = Cookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = ConsultationApp.DemoPassword,
                ["ReturnUrl"] = "/me",
                ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(html),
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);

        var response = await post.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Cookies(response).Single(c => c.StartsWith("nq45.auth=", StringComparison.Ordinal));
    }

    private static async Task AssertCookieSignedIn(KeyNode node, string cookie, string displayName)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("Cookie", cookie);
        var response = await node.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(displayName, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertTokenSignedIn(KeyNode node, string token, string userName)
    {
        var client = node.Http();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(userName, me.GetProperty("userName").GetString());
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    /// <summary>The id of the key a data-protection payload names: it follows the 4-byte magic header.</summary>
    private static Guid KeyIdOf(string protectedText) => new(WebEncoders.Base64UrlDecode(protectedText).AsSpan(4, 16));
}
