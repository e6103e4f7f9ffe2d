using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// What every browser test shares: Debian's Chromium driven by Playwright (no browser download), axe-core
/// failing on serious and critical violations, any Content-Security-Policy violation failing the test (see
/// <see cref="WatchedBrowser"/>), the cookie sign-in through the login page.
/// </summary>
public static class Browser
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 } };
    public static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    /// <summary>Chromium, every context of which reports Content-Security-Policy violations; disposing it fails on any seen.</summary>
    public static async Task<IBrowser> Launch(IPlaywright playwright) =>
        new WatchedBrowser(await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs }));

    /// <summary>Fails on every serious or critical axe-core violation of the page as it is now, and on any CSP violation seen in its context.</summary>
    public static async Task AssertAccessible(IPage page)
    {
        AssertNoPolicyViolations(page.Context);
        var violations = await SeriousViolations(page);
        Assert.True(violations.Count == 0, $"{page.Url}: " + string.Join("; ", violations));
    }

    /// <summary>Opens <paramref name="path"/>: 200, valid HTML, no serious axe violation.</summary>
    public static async Task AssertQuality(IPage page, Uri root, string path)
    {
        var response = await page.GotoAsync(new Uri(root, path).ToString());
        Assert.Equal(200, response!.Status);
        var problems = await HtmlValidator.Problems(await response.TextAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await AssertAccessible(page);
    }

    /// <summary>Fails when a page of the context reported a Content-Security-Policy violation.</summary>
    public static void AssertNoPolicyViolations(IBrowserContext context)
    {
        var seen = WatchedBrowser.Violations(context);
        Assert.True(seen.Count == 0, "Content-Security-Policy violations: " + string.Join(" | ", seen));
    }

    /// <summary>The serious and critical axe-core violations of the page as it is now, with the first offending elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolations(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))
            .ToList();
    }

    /// <summary>Signs in through <c>/account/login</c> and waits to arrive at <paramref name="returnUrl"/>.</summary>
    public static async Task SignIn(IPage page, Uri root, string userName, string returnUrl)
    {
        await page.GotoAsync(new Uri(root, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", ConsultationApp.DemoPassword);
        await page.ClickAsync("form.stacked-form button[type=submit]");
        await Arrived(page, $"**{returnUrl}");
    }

    /// <summary>
    /// Waits for the page to be at an address matching <paramref name="glob"/> and for its document to have loaded.
    /// Why not <c>WaitForURLAsync</c> alone: once the address matches, the .NET client checks its own record of load
    /// states and then subscribes to the next one, and a "load" arriving in between is missed (seen in CI: a page
    /// loaded, the wait ran out after 120 s). The document's own <c>readyState</c>, polled in the page, cannot be missed.
    /// </summary>
    public static Task Arrived(IPage page, string glob) => Arrived(page, () => page.WaitForURLAsync(glob, CommitOnly));

    /// <inheritdoc cref="Arrived(IPage, string)"/>
    public static Task Arrived(IPage page, Func<string, bool> address) => Arrived(page, () => page.WaitForURLAsync(address, CommitOnly));

    private static readonly PageWaitForURLOptions CommitOnly = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>For <c>GotoAsync</c>: returns once the network has been idle, waited for by the browser's side (no race).</summary>
    public static readonly PageGotoOptions NetworkIdle = new() { WaitUntil = WaitUntilState.NetworkIdle };

    private static async Task Arrived(IPage page, Func<Task> address)
    {
        await address();
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
    }

    /// <summary>The address Kestrel listens on, as 127.0.0.1 (the app was started with <c>UseKestrel(0)</c>).</summary>
    public static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
}
