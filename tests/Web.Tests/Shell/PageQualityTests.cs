using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// Every page, as each kind of user who may see it: the HTML it serves is valid (html-validate with
/// <c>html-validate:recommended</c>, less the rules <see cref="HtmlValidator"/> explains), and axe-core finds no
/// serious or critical violation at phone and desktop size.
/// </summary>
/// <remarks>
/// Not listed: <c>/Culture</c> (a GET only redirects home; the language switch is a POST from the header) and
/// the partials under Pages/Consultations/_*.cshtml, which are checked inside the pages that render them.
/// </remarks>
public class PageQualityTests(PagesApp app) : IClassFixture<PagesApp>
{
    private const string Plan = "/consultations/ke-hoach-45-nq-tw";

    public static TheoryData<string, string?> Pages => new()
    {
        { "/", null },
        { "/", "expert1" },
        { "/consultations", null },
        { "/consultations", "moderator" },
        { Plan, null },
        { Plan, "expert1" },
        { Plan, "moderator" },
        { "/consultations/quy-dinh-tu-van-phan-bien", null },
        { $"/consultations/{PagesApp.TwoVersionsSlug}", null },
        { $"/consultations/{PagesApp.TwoVersionsSlug}?culture=en", null },
        { $"/consultations/{PagesApp.TwoVersionsSlug}/versions/2/diff/3", null },
        { $"/consultations/{PagesApp.TwoVersionsSlug}/versions/1/diff/2", null },
        { "/account/login", null },
        { "/account/logout", "expert1" },
        { "/account/denied", "expert1" },
        { "/me", "expert1" },
        { "/me", "admin" },
        { "/me/feedback", "expert1" },
        { "/me/profile", "expert1" },
        { "/me/profile", "official" },
        { "/consultations/new", "moderator" },
        { $"{Plan}/manage", "moderator" },
        { $"{Plan}/manage/invitations", "moderator" },
        { $"{Plan}/manage/invitations?Q=nguyen", "moderator" },
        { "/account/invitation?token=khong-dung", null },
        { "/account/forgot", null },
        { "/account/forgot?culture=en", null },
        { "/account/reset?token=khong-dung", null },
        { "/account/reset?token=khong-dung&culture=en", null },
        { "/account/email?token=khong-dung", null },
        { "/account/email?token=khong-dung&culture=en", null },
        { "/account/signup", null },
        { "/account/signup?culture=en", null },
        { "/account/verify?token=khong-dung", null },
        { "/account/verify?token=khong-dung&culture=en", null },
        { "/moderation/signups", "moderator" },
        { "/moderation/signups?culture=en", "moderator" },
        { $"{Plan}/publish", "moderator" },
        { "/feedback/write/{plan}?SectionAnchor=II", "expert1" },
        { "/recommendations", "moderator" },
        { "/recommendations?culture=en", "expert1" },
        { "/recommendations?status=routed&field=y%20t%E1%BA%BF", null },
        { "/recommendations?status=answered&culture=en", "moderator" },
        { "/recommendations?status=unknown", null },
        { "/moderation/feedback", "moderator" },
        { "/moderation/feedback?consultation={plan}&status=published", "moderator" },
        { Plan, "expert2" },
        { "/me", "official" },
        { "/sessions/{session}", "expert1" },
        { "/sessions/{session}", "moderator" },
        { "/sessions/{session}/transcript", "expert1" },
        { "/sessions/{session}/present", "expert1" },
        { $"{Plan}/sessions", "moderator" },
        { "/surveys/{plan}", "expert1" },
        { "/surveys/{plan}/results", "moderator" },
        { "/surveys/{plan}/edit", "moderator" },
        { "/experts", "moderator" },
        { "/experts/stats", "moderator" },
        { "/experts/indicators", "moderator" },
        { "/experts/indicators", "admin" },
        { $"/review/{PagesApp.TwoVersionsSlug}", "official" },
        { "/review/ke-hoach-45-nq-tw", "moderator" },
        { "/admin/users", "admin" },
        { "/admin/users/new", "admin" },
        { "/admin/users/expert1", "admin" },
        { "/admin/users/official", "admin" },
        { "/admin/agencies", "admin" },
        { "/account/password", "expert1" },
        { "/notifications", "expert1" },
        { "/notifications", "moderator" },
        { "/notifications?before={plan}", "expert1" }, // not a notification: the latest, with a notice
        { "/notifications?before={older}", "expert1" }, // the second page, with links to the first
        { "/notifications/preferences", "expert1" },
        // The same pages in English (?culture=en): resources complete, and the English page as valid and accessible.
        { "/me/feedback?culture=en", "expert1" },
        { "/me/profile?culture=en", "expert1" },
        { "/me/profile?culture=en", "official" },
        { "/moderation/feedback?culture=en", "moderator" },
        { "/sessions/{session}?culture=en", "moderator" },
        { "/sessions/{session}/transcript?culture=en", "expert1" },
        { "/sessions/{session}/present?culture=en", "expert1" },
        { $"{Plan}/sessions?culture=en", "moderator" },
        { "/surveys/{plan}?culture=en", "expert1" },
        { "/surveys/{plan}/results?culture=en", "moderator" },
        { "/surveys/{plan}/edit?culture=en", "moderator" },
        { "/experts?culture=en", "moderator" },
        { "/experts/stats?culture=en", "moderator" },
        { "/experts/indicators?culture=en", "moderator" },
        { "/experts/indicators?culture=en", "admin" },
        { "/admin/users?culture=en", "admin" },
        { "/admin/users/new?culture=en", "admin" },
        { "/admin/users/expert1?culture=en", "admin" },
        { "/admin/agencies?culture=en", "admin" },
        { "/account/login?culture=en", null },
        { "/account/password?culture=en", "expert1" },
        { "/account/denied?culture=en", "expert1" },
        { "/notifications?culture=en", "expert1" },
        { "/notifications/preferences?culture=en", "expert1" },
        { "/review/ke-hoach-45-nq-tw/critique", "moderator" },
        { "/review/ke-hoach-45-nq-tw/critique", "official" },
        { "/review/ke-hoach-45-nq-tw?culture=en", "official" },
        { $"/review/{PagesApp.TwoVersionsSlug}?culture=en", "moderator" },
        // The same pages in English (?culture=en), whose texts are longer and laid out differently.
        { "/?culture=en", null },
        { "/consultations?culture=en", "moderator" },
        { $"{Plan}?culture=en", null },
        { $"{Plan}?culture=en", "expert1" },
        { $"/consultations/{PagesApp.TwoVersionsSlug}/versions/1/diff/2?culture=en", null },
        { "/consultations/new?culture=en", "moderator" },
        { $"{Plan}/manage?culture=en", "moderator" },
        { $"{Plan}/publish?culture=en", "moderator" },
        { "/feedback/write/{plan}?SectionAnchor=II&culture=en", "expert1" },
        { "/review/ke-hoach-45-nq-tw?culture=en", "moderator" },
        { $"/review/{PagesApp.TwoVersionsSlug}?culture=en", "official" },
        { "/review/ke-hoach-45-nq-tw/critique?culture=en", "moderator" },
        { "/review/ke-hoach-45-nq-tw/critique?culture=en", "official" },
        { "/search?q=tri+thuc&culture=en", null },
        { "/?culture=en", "expert1" },
        { $"{Plan}/moderation", null },
        { $"{Plan}/moderation?culture=en", null },
        { "/sessions/{held}/minutes", "moderator" },
        { "/sessions/{held}/minutes?culture=en", "moderator" },
        { "/sessions/{held}/minutes", "official" },
        { "/sessions/{held}/minutes?culture=en", "official" },
        { "/sessions/{session}/minutes", "moderator" },
        { "/feedback/on-behalf/{plan}", "moderator" },
        { "/feedback/on-behalf/{plan}?culture=en", "moderator" },
        // Critique cases: the list and a case with its forms (the Union's, the appointed chair's), in both languages.
        { "/cases", "moderator" },
        { "/cases?culture=en", "official" },
        { "/cases/{case}", "moderator" },
        { "/cases/{case}?culture=en", "moderator" },
        { "/cases/{case}", "expert1" },
        { "/cases/{case}?culture=en", "official" },
        // A reviewer's form (bản nhận xét) with a saved draft, in both languages.
        { "/cases/{case}/review", "expert2" },
        { "/cases/{case}/review?culture=en", "expert2" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_is_valid_html_and_accessible_on_a_phone_and_a_desktop(string address, string? user)
    {
        var path = app.PathOf(address);
        var page = await app.PageOf(user);
        try
        {
            var response = await page.GotoAsync(app.BaseAddress + path, Browser.NetworkIdle);
            Assert.Equal(app.BaseAddress + path, page.Url);
            Assert.Equal(path.StartsWith("/account/denied") ? 403 : 200, response!.Status);

            var problems = (await HtmlValidator.Problems(await response.TextAsync())).Select(p => "html-validate " + p).ToList();
            await Ready(page);
            problems.AddRange((await Browser.SeriousViolations(page)).Select(v => "axe on a phone: " + v));
            await page.SetViewportSizeAsync(Browser.Desktop.ViewportSize!.Width, Browser.Desktop.ViewportSize.Height);
            problems.AddRange((await Browser.SeriousViolations(page)).Select(v => "axe on a desktop: " + v));

            Assert.True(problems.Count == 0, $"{path} as {user ?? "anonymous"}:\n" + string.Join("\n", problems));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_then_main_then_the_table_of_contents()
    {
        var page = await app.PageOf(null);
        try
        {
            await page.GotoAsync(app.BaseAddress + Plan);

            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
            Assert.True(await page.Locator(".skip-link").IsVisibleAsync(), "The focused skip link is visible.");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

            var reachedToc = false;
            for (var tab = 0; tab < 40 && !reachedToc; tab++)
            {
                await page.Keyboard.PressAsync("Tab");
                Assert.True(await page.EvaluateAsync<bool>("document.getElementById('main').contains(document.activeElement)"),
                    "Tabbing on from <main> stays inside it until the table of contents.");
                // On a phone the table of contents is folded: its summary opens it.
                if (await page.EvaluateAsync<bool>("document.activeElement.matches('nav.toc summary')")) await page.Keyboard.PressAsync("Enter");
                reachedToc = await page.EvaluateAsync<bool>("document.activeElement.matches('nav.toc a')");
            }
            Assert.True(reachedToc, "A table of contents link takes focus.");
            var target = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith(target, page.Url);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Pages that render with script are checked once the script has drawn them.</summary>
    internal static async Task Ready(IPage page)
    {
        if (await page.Locator("#room").CountAsync() > 0) await page.Locator("#room[data-ready=true]").WaitForAsync();
        if (await page.Locator("#present").CountAsync() > 0) await page.Locator("#present[data-ready=true]").WaitForAsync();
    }
}
