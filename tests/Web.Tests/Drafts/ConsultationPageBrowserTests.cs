using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Nq45Consult.Web.Tests.Drafts;

/// <summary>The app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelDraftsApp : DraftsApp
{
    public KestrelDraftsApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public string BaseAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
}

/// <summary>Debian's Chromium driven by Playwright (no browser download), with axe-core on every page opened.</summary>
public class ConsultationPageBrowserTests(KestrelDraftsApp app) : IClassFixture<KestrelDraftsApp>
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [Fact]
    public async Task The_seed_consultation_opens_and_a_table_of_contents_link_reaches_its_section()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });

        await page.GotoAsync($"{app.BaseAddress}/consultations");
        await AssertAccessible(page);
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw']");
        await page.WaitForURLAsync("**/consultations/ke-hoach-45-nq-tw");
        await AssertAccessible(page);

        var link = page.Locator("nav.toc a[href='#II']");
        await link.ClickAsync();
        Assert.EndsWith("#II", page.Url);
        var section = page.Locator("section#II");
        Assert.True(await section.IsVisibleAsync());
        Assert.Contains("MỤC TIÊU", await section.InnerTextAsync());
        Assert.Equal(1, await page.Locator("section#II .feedback-count[data-anchor='II']").CountAsync());
    }

    private static async Task AssertAccessible(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})")));
    }
}
