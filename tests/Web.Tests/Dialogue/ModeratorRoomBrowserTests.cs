using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>What a moderator sees in the room of a running session, in Chromium: each check is a flaw once shipped.</summary>
public class ModeratorRoomBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task A_running_session_offers_no_start_a_public_question_is_not_awaiting_approval_and_hide_stands_apart()
    {
        var session = await app.ASession(preModeration: false);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var moderator = await InRoom(browser, "moderator", session);
        var expert = await InRoom(browser, "expert1", session);

        Assert.False(await moderator.Locator("#session-start").IsVisibleAsync());
        Assert.True(await moderator.Locator("#session-end").IsVisibleAsync());

        await expert.FillAsync("#ask-text", "Ai chịu trách nhiệm chỉ tiêu năm 2030?");
        await expert.ClickAsync("#ask-form button[type=submit]");
        await moderator.Locator("#questions .question", new() { HasText = "chỉ tiêu năm 2030" }).WaitForAsync();
        Assert.False(await moderator.Locator("#queue-heading").IsVisibleAsync());
        Assert.Equal(0, await moderator.Locator("#queue .question").CountAsync());

        await expert.FillAsync("#say-text", "Xin chào hội nghị");
        await expert.ClickAsync("#say-form button[type=submit]");
        var message = moderator.Locator("#messages li", new() { HasText = "Xin chào hội nghị" });
        await message.WaitForAsync();
        // Where the message's last line ends and the button begins: apart on one line, or the button on a line of its own.
        var gap = await message.EvaluateAsync<double>("""
            li => {
              const range = document.createRange();
              range.selectNodeContents(li.querySelector(".chat-text"));
              const rects = range.getClientRects(), end = rects[rects.length - 1];
              const button = li.querySelector("button").getBoundingClientRect();
              return button.top >= end.bottom ? 1000 : button.left - end.right;
            }
            """);
        Assert.True(gap >= 8, $"Ẩn starts {gap} px after the message text");
        Assert.Equal("Xin chào hội nghị", await message.Locator(".chat-text").InnerTextAsync());
        await Browser.AssertAccessible(moderator);
    }

    [Fact]
    public async Task Start_disappears_once_the_session_runs()
    {
        var session = await app.ASession(start: false);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var moderator = await InRoom(browser, "moderator", session);
        Assert.False(await moderator.Locator("#session-end").IsVisibleAsync());

        await moderator.ClickAsync("#session-start");

        await moderator.Locator("#session-end").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await moderator.Locator("#session-start").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task The_participant_count_falls_when_someone_leaves()
    {
        var session = await app.ASession();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var moderator = await InRoom(browser, "moderator", session);
        var expert = await InRoom(browser, "expert1", session);
        var count = moderator.Locator("#participants");
        await Assertions.Expect(count).ToHaveTextAsync("2", new() { Timeout = 60_000 });

        await expert.GetByRole(AriaRole.Link, new() { Name = "Dự thảo thử" }).ClickAsync();
        await Browser.Arrived(expert, "**/consultations/**");

        await Assertions.Expect(count).ToHaveTextAsync("1", new() { Timeout = 60_000 });
    }

    private async Task<IPage> InRoom(IBrowser browser, string user, Guid session)
    {
        var context = await browser.NewContextAsync(Browser.Desktop);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.BaseAddress, user, $"/sessions/{session}");
        await page.Locator("#room[data-ready=true]").WaitForAsync();
        return page;
    }
}
