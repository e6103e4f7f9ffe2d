using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The live room in Debian's Chromium: two people in two browser contexts, axe-core on the room.</summary>
public class RoomBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task An_expert_asks_the_moderator_approves_and_answers_and_the_expert_sees_it()
    {
        var session = await app.ASession(preModeration: true, agenda: "critique-conference");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await InRoom(browser, "expert1", session, phone: true);
        var moderator = await InRoom(browser, "moderator", session, phone: false);
        await Browser.AssertAccessible(expert);
        await Browser.AssertAccessible(moderator);

        await expert.FillAsync("#ask-text", "Mục tiêu 2030 có tính đến vùng sâu vùng xa không?");
        await expert.ClickAsync("#ask-form button[type=submit]");
        var pending = moderator.Locator("#queue .question", new() { HasText = "vùng sâu vùng xa" });
        await pending.WaitForAsync();
        Assert.Equal(0, await (await InRoom(browser, "expert2", session, phone: true)).Locator("#questions .question").CountAsync());

        await pending.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        var visible = moderator.Locator("#questions .question", new() { HasText = "vùng sâu vùng xa" });
        await visible.Locator("input").FillAsync("Có, chương trình riêng cho 62 huyện nghèo.");
        await visible.GetByRole(AriaRole.Button, new() { Name = "Trả lời" }).ClickAsync();

        var answer = expert.Locator("#questions .question .answer", new() { HasText = "62 huyện nghèo" });
        await answer.WaitForAsync();
        Assert.Contains("62 huyện nghèo", await answer.InnerTextAsync());
        await Browser.AssertAccessible(expert);
    }

    private async Task<IPage> InRoom(IBrowser browser, string user, Guid session, bool phone)
    {
        var context = await browser.NewContextAsync(phone ? Browser.Phone : Browser.Desktop);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.BaseAddress, user, $"/sessions/{session}");
        await page.Locator("#room[data-ready=true]").WaitForAsync();
        return page;
    }
}
