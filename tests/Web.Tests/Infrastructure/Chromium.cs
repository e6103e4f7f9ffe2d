using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, no browser download) driven by Playwright, and the
/// axe-core check every browser test applies to the pages it opens.
/// </summary>
public sealed class Chromium(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private static readonly string[] Args =
        ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<Chromium> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        return new(playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args }));
    }

    /// <summary>A fresh context (own cookies) with one page, at <paramref name="viewport"/>.</summary>
    public async Task<IPage> NewPage(ViewportSize viewport) =>
        await (await browser.NewContextAsync(new() { ViewportSize = viewport })).NewPageAsync();

    /// <summary>Signs in through the cookie login form of the page's context, then comes back to <paramref name="returnUrl"/>.</summary>
    public static async Task SignIn(IPage page, string baseAddress, string userName, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"{baseAddress}/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.stacked-form button[type=submit]");
        await page.WaitForURLAsync($"{baseAddress}{returnUrl}");
    }

    /// <summary>Fails on every serious or critical axe-core violation of the page as it is now.</summary>
    public static async Task AssertAccessible(IPage page)
    {
        var violations = await SeriousViolations(page);
        Assert.True(violations.Count == 0, $"{page.Url}: " + string.Join("; ", violations));
    }

    /// <summary>The serious and critical axe-core violations of the page as it is now, with the first offending elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolations(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
