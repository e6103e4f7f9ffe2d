using System.Net.Http.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>The compact heat map in Chromium with axe: its three views, the field filter, sections named in people's words.</summary>
public class HeatMapBrowserTests(KestrelReviewApp app) : IClassFixture<KestrelReviewApp>
{
    [Fact]
    public async Task An_official_switches_the_heat_map_views_and_narrows_them_to_one_field()
    {
        var (id, sections) = await app.Consultation();
        var last = sections[^1].Anchor;
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Thiếu lộ trình thể chế."));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Đồng ý.", "agree"));
        await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[1].Anchor, "Tên nên ngắn hơn."));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "official", $"/review/{id}");

        // Busiest first, named in people's words; the sections nobody commented on are one line.
        var rows = page.Locator("#heat-stance tbody tr");
        Assert.Equal([last, sections[1].Anchor], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.anchor)"));
        Assert.StartsWith("Mục II.1: Hoàn thiện thể chế", (await rows.First.Locator("th").InnerTextAsync()).Trim());
        Assert.Equal("1", (await rows.First.Locator("td.stance-agree").InnerTextAsync()).Trim());
        Assert.Contains("heat-4", await rows.First.Locator("td.stance-agree").GetAttributeAsync("class"));
        Assert.Contains($"{sections.Count - 1} mục chưa có góp ý", await page.Locator("#heat-quiet").InnerTextAsync());
        Assert.True(await page.Locator("#heat-field").IsHiddenAsync());
        Assert.True(await page.Locator("#heat-full").IsHiddenAsync(), "The full table waits behind its disclosure.");
        await Browser.AssertAccessible(page);

        await page.Locator("input[name=heat-view][value=field]").CheckAsync();
        Assert.True(await page.Locator("#heat-stance").IsHiddenAsync());
        var health = page.Locator($"#heat-field tr[data-anchor='{last}'] td[data-field='y tế']");
        Assert.Equal("1", (await health.InnerTextAsync()).Trim());
        await Browser.AssertAccessible(page);

        await page.Locator("input[name=heat-view][value=stance-field]").CheckAsync();
        Assert.Equal("1", (await page.Locator("#heat-stance-field tr[data-stance='amend'] td[data-field='khác']").InnerTextAsync()).Trim());
        await Browser.AssertAccessible(page);

        await page.Locator("details.heat-full summary").ClickAsync();
        Assert.True(await page.Locator("#heat-full").IsVisibleAsync());
        Assert.Equal(sections.Count + 1, await page.Locator("#heat-full tbody tr").CountAsync());

        await page.Locator("#f-field").SelectOptionAsync("y tế");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.Locator("#heat-narrowed").WaitForAsync();
        Assert.Equal(1, await page.Locator("#heat-stance tbody tr").CountAsync());
        Assert.Equal("1", (await page.Locator($"#heat-stance tr[data-anchor='{last}'] td.count").InnerTextAsync()).Trim());
        await Browser.AssertAccessible(page);

        await page.GotoAsync($"{app.BaseAddress}/review/{id}?culture=en");
        Assert.StartsWith("Section II.1: Hoàn thiện thể chế", (await page.Locator("#heat-stance tbody tr th").First.InnerTextAsync()).Trim());
        Assert.Equal("Stance × field", (await page.Locator("label:has(input[value=stance-field])").InnerTextAsync()).Trim());
        await page.Locator("input[name=heat-view][value=stance-field]").CheckAsync();
        Assert.True(await page.Locator("#heat-stance-field").IsVisibleAsync());
        await Browser.AssertAccessible(page);
    }
}
