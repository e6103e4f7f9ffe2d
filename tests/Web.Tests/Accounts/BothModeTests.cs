using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// <c>Auth:Mode</c> <c>Both</c> on real Kestrel, with a placeholder Entra ID tenant and no network: the app starts, the
/// sign-in page offers the local form and the Entra ID button, and the API takes local and Entra ID bearer tokens.
/// </summary>
public sealed class BothModeApp : AppWithSettings
{
    public BothModeApp() : base(EntraIdApp.Settings("Both"), EntraIdApp.TrustTestKey)
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}

public class BothModeTests(BothModeApp app) : IClassFixture<BothModeApp>
{
    [Fact]
    public async Task The_api_takes_a_local_token_and_an_entra_id_token()
    {
        var local = app.CreateClient();
        local.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await local.TokenAsync("expert1", ConsultationApp.DemoPassword));
        var entra = app.CreateClient();
        entra.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EntraIdApp.TokenFor("can.bo@so.example", "Cán Bộ", "Official"));

        var me = await local.GetFromJsonAsync<JsonElement>("/api/me");
        var staff = await entra.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("expert1", me.GetProperty("userName").GetString());
        Assert.Equal("can.bo@so.example", staff.GetProperty("userName").GetString());
        Assert.Equal(["Official"], staff.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_offers_both_ways_in_both_languages_and_the_local_one_signs_in()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();

        await Browser.AssertQuality(page, app.Root, "/account/login?culture=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft Entra ID (staff)" })).ToBeVisibleAsync();
        await Browser.AssertQuality(page, app.Root, "/account/login?culture=vi");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng Microsoft Entra ID (cán bộ)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Mật khẩu", new() { Exact = true })).ToBeVisibleAsync();

        await Browser.SignIn(page, app.Root, "expert1", "/me");
        await Browser.AssertAccessible(page);
        Browser.AssertNoPolicyViolations(page.Context);
    }
}
