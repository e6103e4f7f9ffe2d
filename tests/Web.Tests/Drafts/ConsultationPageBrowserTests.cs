using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Drafts;

/// <summary>The app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelDraftsApp : DraftsApp
{
    public KestrelDraftsApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public string BaseAddress => Infrastructure.Browser.AddressOf(Services).ToString().TrimEnd('/');
}

/// <summary>Debian's Chromium driven by Playwright (no browser download), with axe-core on every page opened.</summary>
public class ConsultationPageBrowserTests(KestrelDraftsApp app) : IClassFixture<KestrelDraftsApp>
{
    [Fact]
    public async Task The_seed_consultation_opens_and_a_table_of_contents_link_reaches_its_section()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();

        await page.GotoAsync($"{app.BaseAddress}/consultations");
        await Browser.AssertAccessible(page);
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw']");
        await page.WaitForURLAsync("**/consultations/ke-hoach-45-nq-tw");
        await Browser.AssertAccessible(page);

        var link = page.Locator("nav.toc a[href='#II']");
        await link.ClickAsync();
        Assert.EndsWith("#II", page.Url);
        var section = page.Locator("section#II");
        Assert.True(await section.IsVisibleAsync());
        Assert.Contains("MỤC TIÊU", await section.InnerTextAsync());
        Assert.Equal(1, await page.Locator("section#II .feedback-count[data-anchor='II']").CountAsync());
    }

    [Fact]
    public async Task A_moderator_pastes_markdown_and_sees_the_live_preview_of_its_sections()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();

        await Browser.SignIn(page, new Uri(app.BaseAddress), "moderator", "/consultations/ke-hoach-45-nq-tw");
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw/manage']");
        await page.WaitForURLAsync("**/manage");
        await Browser.AssertAccessible(page);
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw/publish']");
        await page.WaitForURLAsync("**/publish");

        await page.GetByLabel("Nội dung dự thảo (Markdown)").FillAsync(Samples.Legal);

        var anchor = page.Locator("#preview[aria-live=polite] ol.section-tree code.section-anchor", new() { HasTextString = "#dieu-1-khoan-2" });
        await anchor.WaitForAsync(new() { Timeout = 10_000 });
        var items = await page.Locator("#preview li").CountAsync();
        Assert.Equal($"{items} mục", await page.Locator("#preview .preview-count").InnerTextAsync());
        Assert.True(await page.Locator("#preview li li code.section-anchor", new() { HasTextString = "#dieu-1" }).CountAsync() > 0, "Articles nest under their chapter.");
        await Browser.AssertAccessible(page);

        await page.GotoAsync($"{app.BaseAddress}/consultations/new");
        await Browser.AssertAccessible(page);
    }
}
