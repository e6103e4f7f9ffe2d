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

    public string BaseAddress => Browser.AddressOf(Services);
}

/// <summary>Debian's Chromium driven by Playwright (no browser download), with axe-core on every page opened.</summary>
public class ConsultationPageBrowserTests(KestrelDraftsApp app) : IClassFixture<KestrelDraftsApp>
{
    [Fact]
    public async Task The_seed_consultation_opens_and_a_table_of_contents_link_reaches_its_section()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });

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
}
