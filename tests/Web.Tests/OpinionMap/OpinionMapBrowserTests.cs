using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.OpinionMap;

/// <summary>The vote and map pages in Debian's Chromium, with axe, in Vietnamese and English.</summary>
public class OpinionMapBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    [Fact]
    public async Task An_expert_votes_on_a_phone_and_sees_their_own_dot_on_the_map_in_both_languages()
    {
        var (id, _) = await app.Consultation();
        using var http = new HttpClient { BaseAddress = app.Root };
        var token = (await (await http.PostAsJsonAsync("/api/auth/login", new { userName = "moderator", password = ConsultationApp.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/consultations/{id}/opinion-map", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = "Cần lộ trình cụ thể cho từng năm." })).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var context = await browser.NewContextAsync(Browser.Phone);
        var expert = await context.NewPageAsync();
        await Browser.SignIn(expert, app.Root, "expert1", $"/opinion-map/{id}/vote");
        await Assertions.Expect(expert.Locator(".statement")).ToHaveTextAsync("Cần lộ trình cụ thể cho từng năm.");
        await Browser.AssertAccessible(expert);
        await expert.GetByRole(AriaRole.Button, new() { Name = "Đồng ý", Exact = true }).FocusAsync();
        await expert.Keyboard.PressAsync("Enter");
        await Assertions.Expect(expert.Locator("[role=status]")).ToHaveTextAsync("Đã ghi phiếu.");
        await Assertions.Expect(expert.Locator("main")).ToContainTextAsync("Anh/chị đã bỏ phiếu mọi nhận định.");
        await Browser.AssertAccessible(expert);

        await expert.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/opinion-map/{id}");
        await Assertions.Expect(expert.Locator("h1")).ToHaveTextAsync("Bản đồ ý kiến");
        Assert.Equal(1, await expert.Locator("circle.dot.own").CountAsync());
        await Assertions.Expect(expert.Locator("table caption")).ToHaveTextAsync("Các nhóm ý kiến (bảng thay cho sơ đồ)");
        Assert.DoesNotContain("expert1", await expert.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Browser.AssertAccessible(expert);

        await expert.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/opinion-map/{id}?culture=en");
        await Assertions.Expect(expert.Locator("h1")).ToHaveTextAsync("Opinion map");
        await Assertions.Expect(expert.Locator("main")).ToContainTextAsync("Consensus across groups");
        await Browser.AssertAccessible(expert);
        await expert.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/opinion-map/{id}/vote?culture=en");
        await Assertions.Expect(expert.Locator("main")).ToContainTextAsync("You have voted on every statement.");
        await Browser.AssertAccessible(expert);
    }
}
