using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (no browser download), and the axe-core check every page test runs.</summary>
public static class Browser
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    /// <summary>The loopback address of an app started on Kestrel, usable by the browser.</summary>
    public static string AddressOf(IServiceProvider services) => services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");

    /// <summary>Fails on serious or critical axe-core violations.</summary>
    public static async Task AssertAccessible(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) {v.Nodes.FirstOrDefault()?.Html}")));
    }
}
