using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>
/// Chromium whose every context reports Content-Security-Policy violations, however the test makes its
/// pages: a script added before any page script listens to <c>securitypolicyviolation</c>, and Chromium's own
/// "Refused to …" console errors are kept too. <see cref="Browser.AssertAccessible"/> checks a page's context;
/// disposing the browser checks them all, so a test that never calls it still fails on a violation.
/// </summary>
public sealed class WatchedBrowser(IBrowser inner) : IBrowser
{
    private const string Binding = "__nq45PolicyViolation";

    private const string Listener = $$"""
        document.addEventListener('securitypolicyviolation', e =>
            window.{{Binding}}(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`), true);
        """;

    private static readonly ConditionalWeakTable<IBrowserContext, ConcurrentQueue<string>> Seen = new();

    /// <summary>What the context's pages reported so far.</summary>
    public static IReadOnlyList<string> Violations(IBrowserContext context) =>
        Seen.TryGetValue(context, out var seen) ? seen.ToList() : [];

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await inner.NewContextAsync(options);
        // Waiting is for an event, never a measure of speed: on a busy two-core machine a page can take far longer
        // than Playwright's 30 s default, and a test must not fail for that.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var seen = Seen.GetOrCreateValue(context);
        await context.ExposeBindingAsync(Binding, (BindingSource _, string violation) => seen.Enqueue(violation));
        await context.AddInitScriptAsync(Listener);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                seen.Enqueue("console: " + message.Text);
        };
        return context;
    }

    public async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null)
    {
        var context = await NewContextAsync(options is null ? null : new BrowserNewContextOptions
        {
            ViewportSize = options.ViewportSize, AcceptDownloads = options.AcceptDownloads, Locale = options.Locale,
            HasTouch = options.HasTouch, IsMobile = options.IsMobile, BaseURL = options.BaseURL,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        var seen = inner.Contexts.SelectMany(Violations).ToList();
        await inner.DisposeAsync();
        Assert.True(seen.Count == 0, "Content-Security-Policy violations: " + string.Join(" | ", seen));
    }

    public IBrowserType BrowserType => inner.BrowserType;
    public IReadOnlyList<IBrowserContext> Contexts => inner.Contexts;
    public bool IsConnected => inner.IsConnected;
    public string Version => inner.Version;

    public event EventHandler<IBrowserContext> Context
    {
        add => inner.Context += value;
        remove => inner.Context -= value;
    }

    public event EventHandler<IBrowser> Disconnected
    {
        add => inner.Disconnected += value;
        remove => inner.Disconnected -= value;
    }

    public Task<BrowserBindResult> BindAsync(string title, BrowserBindOptions? options = null) => inner.BindAsync(title, options);
    public Task UnbindAsync() => inner.UnbindAsync();
    public Task CloseAsync(BrowserCloseOptions? options = null) => inner.CloseAsync(options);
    public Task<ICDPSession> NewBrowserCDPSessionAsync() => inner.NewBrowserCDPSessionAsync();
}
