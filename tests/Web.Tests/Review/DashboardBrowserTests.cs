using System.Net.Http.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>The feedback fixture on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelReviewApp : FeedbackFixture
{
    public KestrelReviewApp()
    {
        UseKestrel(0);
        StartServer();
        ClientOptions.BaseAddress = new Uri(BaseAddress);
    }

    public string BaseAddress => Browser.AddressOf(Services).ToString().TrimEnd('/');
}

public class DashboardBrowserTests(KestrelReviewApp app) : IClassFixture<KestrelReviewApp>
{
    [Fact]
    public async Task An_official_sees_the_heat_map_opens_a_section_and_saves_a_response()
    {
        var (id, sections) = await app.Consultation();
        var last = sections[^1].Anchor;
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Thiếu lộ trình thể chế."));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Tên kế hoạch nên ngắn hơn."));
        await app.Close(id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync($"{app.BaseAddress}/account/login?returnUrl=/review/{id}");
        await page.FillAsync("#UserName", "official");
        await page.FillAsync("#Password", ConsultationApp.DemoPassword);
        await page.ClickAsync("form.stacked-form button[type=submit]");
        await Browser.Arrived(page, $"**/review/{id}");
        await Browser.AssertAccessible(page);

        var row = page.Locator($"#heat-stance tr[data-anchor='{last}']");
        Assert.True(await row.IsVisibleAsync());
        Assert.Equal("1", (await row.Locator("td.count").InnerTextAsync()).Trim());
        Assert.Equal("2", (await page.Locator("#unanswered").InnerTextAsync()).Trim());

        await row.Locator("th a").ClickAsync();
        await Browser.Arrived(page, $"**section={last}*");
        var items = page.Locator("#items .feedback-item");
        Assert.Equal(1, await items.CountAsync());
        Assert.Contains("Thiếu lộ trình thể chế.", await items.First.InnerTextAsync());

        await items.First.Locator("select[name=decision]").SelectOptionAsync("not-accepted");
        await items.First.Locator("textarea[name=explanation]").FillAsync("Lộ trình đã nêu tại Phần III.");
        await items.First.Locator("button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
        Assert.Contains("Không tiếp thu", await page.Locator("#items .feedback-item .response").InnerTextAsync());
        Assert.Equal("1", (await page.Locator("#unanswered").InnerTextAsync()).Trim());
        Assert.True(page.Url.Contains($"section={last}"), page.Url);
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task A_report_downloads_with_preparation_progress_that_reaches_its_maximum()
    {
        var (id, sections) = await app.Consultation();
        for (var i = 0; i < 9; i++)
            await (await app.As($"expert{1 + i % 3}")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[^1].Anchor, $"Ý kiến số {i} về lộ trình."));
        await app.Close(id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(new(Browser.Desktop) { AcceptDownloads = true })).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "official", $"/review/{id}");
        var box = page.Locator("[data-export]");
        Assert.True(await page.Locator("#report-progress").IsHiddenAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => box.GetByRole(AriaRole.Link, new() { Name = "Word (.docx)" }).ClickAsync());
        await page.WaitForSelectorAsync("[data-export][data-state=done]");
        // The bar counts the rows the server prepared (nine items), not bytes: its maximum comes from the server's readings.
        await page.WaitForFunctionAsync("() => document.querySelector('#report-progress').max === 9");
        Assert.True(await page.EvalOnSelectorAsync<bool>("#report-progress", "p => p.hasAttribute('value') && p.position >= 0"));
        Assert.Equal(9, await page.EvalOnSelectorAsync<double>("#report-progress", "p => p.value"));
        Assert.StartsWith("Đã tải xong", await page.Locator("#report-status").InnerTextAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path!, false))
            Assert.Contains("Ý kiến số 8 về lộ trình.", document.MainDocumentPart!.Document!.Body!.InnerText);
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task An_official_fills_the_report_letterhead_on_the_dashboard_and_sees_what_will_be_printed()
    {
        var (id, _) = await app.Consultation();
        await app.Close(id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "official", $"/review/{id}");
        var form = page.Locator("section.report-details form");
        await form.GetByLabel("Số, ký hiệu (ví dụ 12/BC-SKHCN)").FillAsync("15/BC-SKHCN");
        await form.GetByLabel("Địa danh (ví dụ Hà Nội)").FillAsync("Tiền Giang");
        await form.GetByLabel("Ngày ban hành (để trống: điền tay khi ký)").FillAsync("2026-03-09");
        await form.GetByLabel("Chức vụ người ký", new() { Exact = false }).FillAsync("KT. Giám đốc\nPhó Giám đốc");
        await form.GetByLabel("Họ tên người ký").FillAsync("Lê Văn Dũng");
        await form.GetByLabel("Nơi nhận (mỗi dòng một nơi)").FillAsync("UBND tỉnh;\nLưu: VT.");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();

        Assert.Equal("Đã lưu thông tin văn bản báo cáo.", (await page.Locator("p.notice[role=status]").InnerTextAsync()).Trim());
        var printed = await page.Locator("dl.printed-letterhead").InnerTextAsync();
        Assert.Contains("Số: 15/BC-SKHCN", printed);
        Assert.Contains("Tiền Giang, ngày 09 tháng 3 năm 2026", printed);
        Assert.Contains("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC Lê Văn Dũng", printed);
        Assert.Equal("15/BC-SKHCN", await form.Locator("#rd-number").InputValueAsync());
        Assert.Empty(await HtmlValidator.Problems(await (await page.APIRequest.GetAsync($"{app.BaseAddress}/review/{id}")).TextAsync()));
        await Browser.AssertAccessible(page);
    }
}
