using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Search;

/// <summary>/search in Debian's Chromium, with axe, in Vietnamese and English, by keyboard on a phone.</summary>
public class SearchBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    [Fact]
    public async Task A_reader_searches_without_diacritics_filters_by_kind_and_reads_the_marked_results_in_both_languages()
    {
        var (id, sections) = await app.Consultation();
        await app.Submitted(id, sections[0].Anchor, rationale: "Hạ tầng số cần có lộ trình riêng cho vùng núi.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var context = await browser.NewContextAsync(Browser.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tìm kiếm");
        await Browser.AssertAccessible(page);

        var box = page.GetByLabel("Tìm trong dự thảo, góp ý và giải trình");
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("ha tang vung nui");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-count")).ToContainTextAsync("1 kết quả cho “ha tang vung nui”");
        var feedback = page.Locator(".search-hit-feedback").Filter(new() { HasText = "vùng núi" });
        await Assertions.Expect(feedback.Locator("mark").First).ToHaveTextAsync("Hạ");
        await Assertions.Expect(feedback).ToContainTextAsync("Người góp ý: PGS.TS. Nguyễn Văn An");
        await Browser.AssertAccessible(page);

        await page.GetByLabel("Loại nội dung").SelectOptionAsync(new SelectOptionValue { Label = "Văn bản dự thảo" });
        await box.FillAsync("ha tang so");
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-hit").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".search-hit-feedback").CountAsync());
        Assert.Contains("kind=draft", page.Url, StringComparison.Ordinal);
        var first = page.Locator(".search-hit-draft h2 a").First;
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        Assert.Contains("#", page.Url, StringComparison.Ordinal);
        Assert.EndsWith(href!, page.Url, StringComparison.Ordinal);

        await page.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/search?q={Uri.EscapeDataString("hạ tầng vùng núi")}&culture=en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search");
        await Assertions.Expect(page.Locator(".search-count")).ToContainTextAsync("1 result(s) for “hạ tầng vùng núi”");
        await Assertions.Expect(page.Locator(".search-hit-feedback .search-meta").First).ToContainTextAsync("By PGS.TS. Nguyễn Văn An");
        await Browser.AssertAccessible(page);
        await page.GotoAsync($"{app.Root.ToString().TrimEnd('/')}/search?q=%20-%20&culture=en");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The search could not be made with these conditions:");
        await Browser.AssertAccessible(page);
    }
}
