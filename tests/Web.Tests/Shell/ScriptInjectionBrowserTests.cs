using System.Collections.Concurrent;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Every page and preview that shows what users wrote, opened as each role over data full of <see cref="Payloads"/>
/// (<see cref="InjectionApp"/>): no payload runs (no <c>__xss</c> call, dialog, console line or <c>window.__pwned</c>),
/// none becomes an event handler, a script, a frame, an object or a <c>javascript:</c>/<c>data:</c> address in the
/// page, and no Content-Security-Policy violation is reported — while the payloads do appear, as text.
/// </summary>
public class ScriptInjectionBrowserTests(InjectionApp app) : IClassFixture<InjectionApp>
{
    /// <summary>Address, and whether the page shows a payload (so its text must appear before the page is judged).</summary>
    public static TheoryData<string?, string, bool> Pages => new()
    {
        { null, "/", false },
        { null, "/consultations", false },
        { null, $"/consultations/{InjectionApp.Slug}", true },
        { null, $"/consultations/{InjectionApp.Slug}/versions/1/diff/2", true },
        { "expert1", $"/consultations/{InjectionApp.Slug}", true },
        { "expert1", "/me", false },
        { "expert1", "/me/feedback", true },
        { "expert1", "/surveys/{consultation}", false },
        { "expert1", "/sessions/{session}", true },
        { "expert1", "/sessions/{session}/transcript", true },
        { "expert1", "/notifications", false },
        { "moderator", $"/consultations/{InjectionApp.Slug}", true },
        { "moderator", $"/consultations/{InjectionApp.Slug}/manage", false },
        { "moderator", $"/consultations/{InjectionApp.Slug}/sessions", true },
        { "moderator", "/moderation/feedback?consultation={consultation}", true },
        { "moderator", "/moderation/feedback?consultation={consultation}&status=hidden", true },
        { "moderator", "/sessions/{session}", true },
        { "moderator", "/sessions/{session}/transcript", true },
        { "moderator", "/surveys/{consultation}/results", true },
        { "moderator", "/surveys/{consultation}/edit", false },
        { "moderator", "/experts", true },
        { "moderator", "/experts/stats", false },
        { "moderator", $"/review/{InjectionApp.Slug}", true },
        { "moderator", $"/review/{InjectionApp.Slug}/critique", true },
        { "official", $"/consultations/{InjectionApp.Slug}", true },
        { "official", $"/review/{InjectionApp.Slug}", true },
        { "official", $"/review/{InjectionApp.Slug}/critique", true },
        { "official", "/surveys/{consultation}/results", true },
        { "admin", "/admin/users", false },
        { "admin", "/admin/users/expert1", false },
        { "admin", "/experts", true },
        { "admin", $"/consultations/{InjectionApp.Slug}", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_payload_runs_or_becomes_markup_on_the_page(string? user, string address, bool showsPayload)
    {
        var path = address.Replace("{consultation}", app.ConsultationId.ToString()).Replace("{session}", app.SessionId.ToString());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var (page, ran) = await Watched(browser, user, path);

        var response = await page.GotoAsync(new Uri(app.Root, path).ToString());

        Assert.Equal(200, response!.Status);
        // Attached, not visible: some pages keep long texts in closed <details>.
        if (showsPayload) await page.Locator("main").GetByText(Payloads.Probe).First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await AssertNothingRan(page, ran);
    }

    [Fact]
    public async Task The_live_preview_of_a_draft_shows_payloads_as_text()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        // A consultation still open, where a new version may be published.
        var (page, ran) = await Watched(browser, "moderator", "/consultations/ke-hoach-45-nq-tw/publish");

        await page.FillAsync("#Markdown", Payloads.Draft().Replace("Phạm vi", "Typed-Preview"));

        await page.Locator("#preview").GetByText("Typed-Preview").First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains(Payloads.Probe, await page.Locator("#preview").InnerTextAsync());
        await AssertNothingRan(page, ran);
    }

    /// <summary>A page of a context (signed in as <paramref name="user"/>) where every way a payload could report itself is heard.</summary>
    private async Task<(IPage Page, ConcurrentQueue<string> Ran)> Watched(IBrowser browser, string? user, string path)
    {
        var context = await browser.NewContextAsync(Browser.Desktop);
        var ran = new ConcurrentQueue<string>();
        await context.ExposeBindingAsync("__xss", (BindingSource _, string what) => ran.Enqueue("__xss(" + what + ")"));
        context.Dialog += (_, dialog) =>
        {
            ran.Enqueue("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        context.Console += (_, message) =>
        {
            if (message.Text.Contains(Payloads.Ran, StringComparison.Ordinal)) ran.Enqueue("console: " + message.Text);
        };
        var page = await context.NewPageAsync();
        if (user is not null) await Browser.SignIn(page, app.Root, user, path);
        return (page, ran);
    }

    private static async Task AssertNothingRan(IPage page, ConcurrentQueue<string> ran)
    {
        var markup = await page.EvaluateAsync<string[]>(DangerousMarkup);
        var pwned = await page.EvaluateAsync<bool>("() => window.__pwned !== undefined");

        Assert.True(ran.IsEmpty, $"{page.Url}: a payload ran: " + string.Join(" | ", ran));
        Assert.False(pwned, $"{page.Url}: a payload set window.__pwned");
        Assert.True(markup.Length == 0, $"{page.Url}: payloads became markup: " + string.Join(" | ", markup));
        Browser.AssertNoPolicyViolations(page.Context);
    }

    /// <summary>
    /// Elements and attributes that run or load something chosen by whoever wrote the text: event handlers,
    /// inline scripts, frames, objects, base, and javascript:/vbscript:/data: addresses (spaces and control characters
    /// removed first, as browsers do). Style attributes are not listed: scripts set them legitimately through the
    /// CSSOM (Chart.js sizes its canvas), and one written in HTML is a policy violation already.
    /// </summary>
    private const string DangerousMarkup = """
        () => {
            const found = [];
            for (const element of document.querySelectorAll('*')) {
                const tag = element.tagName.toLowerCase();
                if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) found.push(element.outerHTML.slice(0, 160));
                if (tag === 'script' && !element.src && element.type !== 'application/json') found.push(element.outerHTML.slice(0, 160));
                for (const attribute of element.attributes) {
                    const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
                    if (attribute.name.startsWith('on')
                        || (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(attribute.name)
                            && /^(javascript|vbscript|data):/.test(value)))
                        found.push(`<${tag} ${attribute.name}="${attribute.value.slice(0, 100)}">`);
                }
            }
            return found;
        }
        """;
}
