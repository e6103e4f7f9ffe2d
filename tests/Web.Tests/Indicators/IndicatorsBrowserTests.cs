using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Indicators;

/// <summary>
/// /experts/indicators in Debian's Chromium, with axe, in Vietnamese and English: an admin defines an indicator on the page
/// (refused input shown beside its fields), takes a snapshot and finds its chart and table, changes and retires one; a
/// moderator reads the page without the forms.
/// </summary>
public class IndicatorsBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    [Fact]
    public async Task An_admin_defines_an_indicator_on_the_page_and_its_chart_appears_after_a_snapshot_in_both_languages()
    {
        var doctors = $"Tiến sĩ trong cơ sở dữ liệu {Guid.NewGuid():N}"[..36];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var admin = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(admin, app.Root, "admin", "/experts/indicators");
        await Browser.AssertAccessible(admin);

        // Refused: no names, a share without its base. Each error is shown beside its field; nothing is defined.
        var define = admin.Locator("section[aria-labelledby=indicators-define]");
        await define.GetByLabel("Cách đo").SelectOptionAsync(new SelectOptionValue { Label = "Tỷ lệ trong cơ sở dữ liệu" });
        await define.Locator("fieldset.condition").First.GetByLabel("Học vị", new() { Exact = true }).SelectOptionAsync("ts");
        await define.GetByLabel("Mục tiêu").FillAsync("10");
        await define.GetByLabel("Thời hạn").FillAsync("2030-12-31");
        await define.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu", Exact = true }).ClickAsync();
        define = admin.Locator("section[aria-labelledby=indicators-define]");
        await Assertions.Expect(define.Locator("[role=alert]")).ToHaveTextAsync("Chưa lưu: xem lỗi bên cạnh từng ô.");
        await Assertions.Expect(define.Locator("#new-nameVi-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(define.Locator("#new-base-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(define.GetByLabel("Tên tiếng Việt")).ToHaveAttributeAsync("aria-describedby", "new-nameVi-error");
        // What was chosen comes back as it was sent.
        await Assertions.Expect(define.Locator("fieldset.condition").First.GetByLabel("Học vị", new() { Exact = true })).ToHaveValueAsync("ts");
        await Browser.AssertAccessible(admin);

        await define.GetByLabel("Tên tiếng Việt").FillAsync(doctors);
        await define.GetByLabel("Tên tiếng Anh").FillAsync(doctors.Replace("Tiến sĩ trong cơ sở dữ liệu", "Doctorates in the registry", StringComparison.Ordinal));
        await define.GetByLabel("Cách đo").SelectOptionAsync(new SelectOptionValue { Label = "Đếm trong cơ sở dữ liệu" });
        await define.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Đã thêm chỉ tiêu. Số liệu của chỉ tiêu có từ lần chụp số liệu tiếp theo.");
        var block = admin.Locator("section.chart-block").Filter(new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = doctors }) });
        await Assertions.Expect(block.Locator("canvas")).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Chụp số liệu ngay" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Đã chụp số liệu.");
        // The demo registry holds two doctorates (expert1, expert2): the chart and, for those who do not see it, the table.
        await Assertions.Expect(block.Locator("canvas[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(block.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(block.Locator("tbody td").First).ToHaveTextAsync("2");
        await Assertions.Expect(block.Locator("tbody td").Nth(1)).ToHaveTextAsync("10");
        await Browser.AssertAccessible(admin);

        // Changed on the page: the same form under the indicator, filled with it as it stands.
        await block.Locator("summary").ClickAsync();
        await Assertions.Expect(block.GetByLabel("Tên tiếng Việt")).ToHaveValueAsync(doctors);
        await block.GetByLabel("Mục tiêu").FillAsync("12");
        await block.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Đã lưu chỉ tiêu.");
        await Assertions.Expect(admin.Locator("section[aria-labelledby=indicators-now] tr").Filter(new() { HasText = doctors }).Locator("td").Nth(2)).ToHaveTextAsync("12");

        // English, through the header's switch: a manual indicator defined, measured, then no longer followed.
        await admin.Locator("form.language-switch button").ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("The plan's indicators over time");
        await Browser.AssertAccessible(admin);
        var startups = $"Start-ups {Guid.NewGuid():N}"[..20];
        define = admin.Locator("section[aria-labelledby=indicators-define]");
        await define.GetByLabel("Name in Vietnamese").FillAsync($"Doanh nghiệp khởi nghiệp {startups}");
        await define.GetByLabel("Name in English").FillAsync(startups);
        await define.GetByLabel("Measure").SelectOptionAsync(new SelectOptionValue { Label = "Figure entered by hand" });
        await define.GetByLabel("Target").FillAsync("30");
        await define.GetByLabel("Deadline").FillAsync("2030-06-30");
        await define.GetByLabel("Figure entered by hand").FillAsync("7");
        await define.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Indicator defined. Its values start with the next snapshot.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Take a snapshot now" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Snapshot taken.");
        var manual = admin.Locator("section.chart-block").Filter(new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = startups }) });
        await Assertions.Expect(manual.Locator("canvas[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(manual.Locator("tbody td").First).ToHaveTextAsync("7");
        await Browser.AssertAccessible(admin);
        await manual.GetByRole(AriaRole.Button, new() { Name = "Stop following this indicator" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToHaveTextAsync("Indicator no longer followed; its past values are kept.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = startups })).ToHaveCountAsync(0);

        var moderator = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(moderator, app.Root, "moderator", "/experts/indicators");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Heading, new() { Name = doctors })).ToBeVisibleAsync();
        await Assertions.Expect(moderator.Locator("section[aria-labelledby=indicators-define]")).ToHaveCountAsync(0);
        await Assertions.Expect(moderator.Locator("form.indicator-form")).ToHaveCountAsync(0);
        await Browser.AssertAccessible(moderator);
        await moderator.GotoAsync(Url("/experts/indicators?culture=en"));
        await Assertions.Expect(moderator.GetByRole(AriaRole.Button, new() { Name = "Take a snapshot now" })).ToBeVisibleAsync();
        await Browser.AssertAccessible(moderator);

        var defined = (await (await app.As("admin")).GetFromJsonAsync<JsonElement[]>("/api/indicators"))!;
        // The seed plan's four and the two defined here: the refused form defined nothing.
        Assert.Equal(6, defined.Length);
        var mine = defined.Single(i => i.GetProperty("nameVi").GetString() == doctors);
        Assert.Equal(("count", 12d), (mine.GetProperty("measure").GetString(), mine.GetProperty("target").GetDouble()));
        Assert.Equal("ts", mine.GetProperty("filters").EnumerateArray().Single().GetProperty("degree").GetString());
        Assert.True(defined.Single(i => i.GetProperty("nameEn").GetString() == startups).GetProperty("retired").GetBoolean());
    }
}
