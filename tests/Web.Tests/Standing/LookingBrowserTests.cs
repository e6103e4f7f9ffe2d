using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Standing;

/// <summary>
/// In Debian's Chromium, with axe: the draft's table of contents folded on a phone and shown on a wide screen, the
/// home page's lists and the moderation log's table, each valid HTML.
/// </summary>
public class LookingBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private const string Plan = "/consultations/ke-hoach-45-nq-tw";

    private string Address(string path) => new Uri(app.Root, path).ToString();

    [Fact]
    public async Task On_a_phone_the_text_comes_right_after_the_folded_table_of_contents_which_the_keyboard_opens()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await page.GotoAsync(Address(Plan));
        await Browser.AssertAccessible(page);

        var link = page.Locator("nav.toc a[href='#II']");
        Assert.False(await link.IsVisibleAsync(), "The table of contents is folded on a phone.");
        var toc = (await page.Locator("nav.toc").BoundingBoxAsync())!;
        var text = (await page.Locator("article").BoundingBoxAsync())!;
        Assert.True(toc.Height < 60, $"The folded table of contents is one line high, not {toc.Height}px.");
        Assert.InRange(text.Y - (toc.Y + toc.Height), 0, 40);

        await page.Locator("nav.toc summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await link.IsVisibleAsync(), "Enter on the summary opens the table of contents.");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Browser.Arrived(page, "**#II");
        Assert.True(await page.Locator("section#II").IsVisibleAsync());
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task On_a_wide_screen_the_table_of_contents_is_shown_without_being_opened()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await page.GotoAsync(Address(Plan));

        var link = page.Locator("nav.toc a[href='#II']");
        Assert.True(await link.IsVisibleAsync());
        Assert.False(await page.Locator("nav.toc summary").IsVisibleAsync());
        await link.FocusAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.matches(\"nav.toc a[href='#II']\")"), "The keyboard reaches the shown links.");
        await page.Keyboard.PressAsync("Enter");
        await Browser.Arrived(page, "**#II");
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task The_home_page_and_the_moderation_log_with_counts_are_valid_and_accessible_in_both_languages()
    {
        var (id, sections) = await app.Consultation();
        var item = await app.Submitted(id, sections[0].Anchor);
        using var moderator = new HttpClient { BaseAddress = app.Root };
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", await Token("moderator"));
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "hide", category = "duplicate", reason = "Trùng." })).StatusCode);
        var slug = (await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("slug").GetString();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        foreach (var path in new[] { "/", "/?culture=en", $"/consultations/{slug}/moderation", $"/consultations/{slug}/moderation?culture=en" })
        {
            var response = await page.GotoAsync(Address(path));
            Assert.Equal(200, response!.Status);
            Assert.Empty(await HtmlValidator.Problems(await response.TextAsync()));
            await Browser.AssertAccessible(page);
        }
        Assert.Equal(1, await page.Locator("[data-moderation-log=counts] tr[data-category=duplicate]").CountAsync());
        await page.GotoAsync(Address("/"));
        await page.ClickAsync($"[data-open-now=consultations] a[href='/consultations/{slug}']");
        await Browser.Arrived(page, $"**/consultations/{slug}");
        await page.ClickAsync($"a[href='/consultations/{slug}/moderation']");
        await Browser.Arrived(page, $"**/consultations/{slug}/moderation");
    }

    private async Task<string> Token(string userName)
    {
        using var http = new HttpClient { BaseAddress = app.Root };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = ConsultationApp.DemoPassword });
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
