using System.Net;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The presenter view on a 1920×1080 screen in Chromium: live, on one screen, accessible, in Vietnamese and English.</summary>
public class PresenterBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    private static readonly BrowserNewContextOptions BigScreen = new() { ViewportSize = new() { Width = 1920, Height = 1080 } };

    [Fact]
    public async Task The_big_screen_follows_the_room_live_and_fits_one_screen()
    {
        var session = await app.ASession();
        await using var moderator = await RoomClient.Join(await app.Connect("moderator"), session);
        await using var expert = await RoomClient.Join(await app.Connect("expert1"), session);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var screen = await Presenting(browser, "moderator", session, "");
        Assert.Equal("Câu hỏi nhiều bình chọn nhất", await screen.Locator("#top-heading").TextContentAsync());
        Assert.True(await screen.Locator("#present-no-poll").IsVisibleAsync());
        var link = await screen.Locator(".present-link a").InnerTextAsync();
        Assert.EndsWith($"/s/{JoinCode.Of(session)}", link);
        Assert.True(await screen.Locator("svg.present-qr path").CountAsync() == 1);
        var joining = await (await browser.NewContextAsync()).NewPageAsync();
        await Browser.SignIn(joining, app.BaseAddress, "expert2", "/");
        await joining.GotoAsync(link);
        Assert.EndsWith($"/sessions/{session}", joining.Url);

        await expert.Invoke("Ask", "Nguồn vốn cho chương trình chuyển đổi số lấy từ đâu?");
        await expert.Invoke("Ask", "Khi nào công bố kết quả tiếp thu?");
        var first = (await Eventually(() => moderator.Questions.Values.Where(q => q.Question.Text.StartsWith("Nguồn vốn")).Select(q => q.Question.Id))).Single();
        var second = (await Eventually(() => moderator.Questions.Values.Where(q => q.Question.Text.StartsWith("Khi nào")).Select(q => q.Question.Id))).Single();
        await moderator.Invoke("Upvote", second);
        await Assertions.Expect(screen.Locator("#present-top li").First).ToContainTextAsync("Khi nào công bố", new() { Timeout = 60_000 });
        await Assertions.Expect(screen.Locator("#present-top li").First).ToContainTextAsync("1 bình chọn", new() { Timeout = 60_000 });

        await moderator.Invoke("Pin", first);
        await Assertions.Expect(screen.Locator("#present-pinned-text")).ToHaveTextAsync("Nguồn vốn cho chương trình chuyển đổi số lấy từ đâu?", new() { Timeout = 60_000 });

        await moderator.Invoke("OpenPoll", "Đồng ý lộ trình 5 năm?", new[] { "Đồng ý", "Chưa đồng ý" }, false);
        var poll = (await Eventually(() => expert.Polls.Keys)).Single();
        await expert.Invoke("Vote", poll, 0);
        await Assertions.Expect(screen.Locator("#present-poll-options li").First).ToContainTextAsync("Đồng ý — 1 (100%)", new() { Timeout = 60_000 });
        Assert.Equal("100%", await screen.Locator(".present-poll-bar").First.EvaluateAsync<string>("e => e.style.width"));

        Assert.True(await screen.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth"));
        await Browser.AssertAccessible(screen);
    }

    [Fact]
    public async Task The_big_screen_speaks_English_when_asked()
    {
        var session = await app.ASession();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var screen = await Presenting(browser, "expert1", session, "?culture=en");
        Assert.Equal("Top questions", await screen.Locator("#top-heading").TextContentAsync());
        Assert.Equal("Live", await screen.Locator("#present-status").InnerTextAsync());
        Assert.Equal("en", await screen.Locator("html").GetAttributeAsync("lang"));
        await Browser.AssertAccessible(screen);
    }

    [Fact]
    public async Task A_join_code_leads_only_to_its_own_session()
    {
        var session = await app.ASession();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var code = JoinCode.Of(session);
        var found = await http.GetAsync($"/s/{code.ToUpperInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/sessions/{session}", found.Headers.Location?.OriginalString);
        var other = code[..^1] + (code[^1] == '0' ? '1' : '0');
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/s/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/s/not-a-code")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/s/{session.ToString("N")[..8]}")).StatusCode);
    }

    private async Task<IPage> Presenting(IBrowser browser, string user, Guid session, string query)
    {
        var context = await browser.NewContextAsync(BigScreen);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.BaseAddress, user, $"/sessions/{session}/present");
        if (query.Length > 0) await page.GotoAsync(new Uri(app.BaseAddress, $"/sessions/{session}/present{query}").ToString());
        await page.Locator("#present[data-ready=true]").WaitForAsync();
        return page;
    }

    private static async Task<IEnumerable<T>> Eventually<T>(Func<IEnumerable<T>> read)
    {
        for (var i = 0; i < 600; i++)
        {
            var found = read().ToList();
            if (found.Count > 0) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within a minute.");
    }
}
