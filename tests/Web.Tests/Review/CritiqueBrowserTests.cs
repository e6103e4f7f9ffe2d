using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Review;

public class CritiqueBrowserTests(KestrelReviewApp app) : IClassFixture<KestrelReviewApp>
{
    [Fact]
    public async Task A_moderator_assembles_the_critique_from_items_and_text_and_saves_it()
    {
        var (id, sections) = await app.Consultation();
        var created = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[^1].Anchor, "Mục tiêu rõ ràng, khả thi."));
        var cited = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Thiếu nguồn lực."));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "moderator", $"/review/{id}/critique");
        await Browser.AssertAccessible(page);

        await page.GetByLabel("Nội dung").First.FillAsync("Mục tiêu phù hợp Nghị quyết 45.");
        await page.SelectOptionAsync("#Strengths_0__ItemIds", cited.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ý" }).ClickAsync();
        // The typed point survives and a blank one follows it.
        Assert.Equal("Mục tiêu phù hợp Nghị quyết 45.", await page.InputValueAsync("#Strengths_0__Text"));
        Assert.Equal("", await page.InputValueAsync("#Strengths_1__Text"));

        // A recommendation without its addressee is refused, with a link to the field.
        await page.FillAsync("#Recommendations_0__Text", "Bổ sung phụ lục kinh phí.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo phản biện" }).ClickAsync();
        var summary = page.Locator(".error-summary[role=alert]");
        await summary.WaitForAsync();
        Assert.Equal("#Recommendations_0__Addressee", await summary.Locator("a").First.GetAttributeAsync("href"));
        await Browser.AssertAccessible(page);

        await page.FillAsync("#Recommendations_0__Addressee", "UBND tỉnh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo phản biện" }).ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Word (.docx)" }).IsVisibleAsync());

        var report = await (await app.As("official")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/critique");
        var strength = Assert.Single(report.GetProperty("strengths").EnumerateArray());
        Assert.Equal("Mục tiêu phù hợp Nghị quyết 45.", strength.GetProperty("text").GetString());
        Assert.Equal(cited, Assert.Single(strength.GetProperty("itemIds").EnumerateArray()).GetGuid());
        Assert.Empty(report.GetProperty("shortcomings").EnumerateArray());
        Assert.Equal("UBND tỉnh", Assert.Single(report.GetProperty("recommendations").EnumerateArray()).GetProperty("addressee").GetString());

        // Officials read it without a form.
        var official = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(official, new Uri(app.BaseAddress), "official", $"/review/{id}/critique");
        Assert.Equal(0, await official.Locator("form.critique-form").CountAsync());
        Assert.Contains("Ý kiến của PGS.TS. Nguyễn Văn An: Mục tiêu rõ ràng, khả thi.", await official.Locator("main").InnerTextAsync());
    }
}
