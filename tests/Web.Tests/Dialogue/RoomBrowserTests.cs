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
        await using var chromium = await Chromium.Launch();
        var expert = await InRoom(chromium, "expert1", session, phone: true);
        var moderator = await InRoom(chromium, "moderator", session, phone: false);
        await AssertAccessible(expert);
        await AssertAccessible(moderator);

        await expert.FillAsync("#ask-text", "Mục tiêu 2030 có tính đến vùng sâu vùng xa không?");
        await expert.ClickAsync("#ask-form button[type=submit]");
        var pending = moderator.Locator("#queue .question", new() { HasText = "vùng sâu vùng xa" });
        await pending.WaitForAsync();
        Assert.Equal(0, await (await InRoom(chromium, "expert2", session, phone: true)).Locator("#questions .question").CountAsync());

        await pending.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        var visible = moderator.Locator("#questions .question", new() { HasText = "vùng sâu vùng xa" });
        await visible.Locator("input").FillAsync("Có, chương trình riêng cho 62 huyện nghèo.");
        await visible.GetByRole(AriaRole.Button, new() { Name = "Trả lời" }).ClickAsync();

        var answer = expert.Locator("#questions .question .answer", new() { HasText = "62 huyện nghèo" });
        await answer.WaitForAsync();
        Assert.Contains("62 huyện nghèo", await answer.InnerTextAsync());
        await AssertAccessible(expert);
    }

    private async Task<IPage> InRoom(Chromium chromium, string user, Guid session, bool phone)
    {
        var page = await chromium.NewPage(phone ? Chromium.Phone : Chromium.Desktop);
        await Chromium.SignIn(page, app.BaseAddress.ToString().TrimEnd('/'), user, ConsultationApp.DemoPassword, $"/sessions/{session}");
        await page.Locator("#room[data-ready=true]").WaitForAsync();
        return page;
    }

    private static Task AssertAccessible(IPage page) => Chromium.AssertAccessible(page);
}
