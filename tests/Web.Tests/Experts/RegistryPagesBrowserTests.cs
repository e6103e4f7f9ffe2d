using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Dialogue;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>The registry and statistics pages in Chromium on a phone-sized screen, with axe-core.</summary>
public sealed class RegistryPagesBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task A_moderator_searches_without_diacritics_saves_the_filter_invites_by_it_previews_an_import_and_reads_the_charts_as_tables()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        var root = app.BaseAddress.ToString().TrimEnd('/');
        await Browser.SignIn(page, app.BaseAddress, "moderator", "/experts");
        await Browser.AssertAccessible(page);

        await page.FillAsync("#q", "hong nhung");
        await page.ClickAsync("form.filters button[type=submit]");
        await Browser.Arrived(page, "**/experts?*");
        var rows = page.Locator("table tbody th[scope=row]");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("TS. Lê Thị Hồng Nhung", await rows.First.InnerTextAsync());

        // The search is saved under a name, then used to invite on a consultation's management page.
        await page.FillAsync("#FilterName", "Chuyên gia Nhung");
        await page.ClickAsync("form[aria-label='Lưu bộ lọc đang dùng'] button");
        await page.Locator("[role=status]:has-text('Đã lưu bộ lọc')").WaitForAsync();
        Assert.Equal(1, await page.Locator("section[aria-labelledby=saved-filters] a:has-text('Chuyên gia Nhung')").CountAsync());
        await Browser.AssertAccessible(page);
        var consultation = await app.AConsultation();
        await page.GotoAsync($"{root}/consultations/{consultation}/manage");
        await page.GetByLabel("Chuyên gia Nhung").CheckAsync();
        await page.ClickAsync("form[action*='handler=Invite'] button[type=submit]");
        await page.Locator("section[aria-labelledby=invited] table").WaitForAsync();
        Assert.Contains("Lê Thị Hồng Nhung (expert2)", await page.Locator("section[aria-labelledby=invited] table").InnerTextAsync());
        Assert.Contains("Đã mời 1 chuyên gia, 0 đã góp ý", await page.Locator("section[aria-labelledby=invited]").InnerTextAsync());
        await Browser.AssertAccessible(page);
        await page.GotoAsync($"{root}/experts");

        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "hoi-vien.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("ho_ten,hoc_vi,linh_vuc,email\nNgô Văn Tài,ThS,dịch vụ,tai@example.vn\nSai,XYZ,dịch vụ,sai@example.vn\n"),
        });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.Locator("caption:has-text('Lỗi theo dòng')").WaitForAsync();
        Assert.Contains("hoc_vi", await page.Locator("section[aria-labelledby=import-heading] table").InnerTextAsync());
        await Browser.AssertAccessible(page);

        await page.GotoAsync($"{root}/experts/stats");
        await Browser.AssertAccessible(page);
        Assert.Equal(5, await page.Locator("canvas[role=img]").CountAsync());
        Assert.Contains("90.000", await page.Locator("tr[data-target=university-graduates]").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('chart-degree')) !== undefined"));
    }
}
