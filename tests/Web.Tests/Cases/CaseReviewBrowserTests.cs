using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;
using static Nq45Consult.Web.Tests.Cases.CaseReviewSteps;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>
/// /cases/{id}/review in Debian's Chromium, with axe: each reviewer fills the form (a row added without script), saves,
/// submits with the confirmation, and the case page lists the review; one in Vietnamese, one in English; the moderator
/// then assembles the report from the case page.
/// </summary>
public class CaseReviewBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private async Task<IPage> SignedIn(IBrowser browser, string userName, string path, bool english = false)
    {
        var context = await browser.NewContextAsync(Browser.Phone);
        if (english) await context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = "c%3Den%7Cuic%3Den", Url = app.Root.ToString() }]);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.Root, userName, path);
        return page;
    }

    [Fact]
    public async Task Each_reviewer_fills_saves_and_submits_the_form_and_the_case_page_lists_the_reviews_in_both_languages()
    {
        var (caseId, _, chapters) = await CaseWithReviewers(app, "Phản biện qua trình duyệt");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var first = await SignedIn(browser, "expert2", $"/cases/{caseId}");
        await first.GetByRole(AriaRole.Link, new() { Name = "Viết bản nhận xét của bạn" }).ClickAsync();
        await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync("Bản nhận xét");
        await Browser.AssertAccessible(first);
        await first.Locator($"#chapter-{chapters[0]}").FillAsync("Phần mở đầu cần nêu căn cứ.");
        await first.GetByLabel("Ưu điểm", new() { Exact = true }).FillAsync("Bám sát Nghị quyết 45.");
        await first.GetByLabel("Hạn chế", new() { Exact = true }).FillAsync("Thiếu lộ trình.");
        await first.Locator("#addressee-0").FillAsync("UBND tỉnh");
        await first.Locator("#recommendation-0").FillAsync("Bổ sung lộ trình theo năm.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Assertions.Expect(first.Locator("#addressee-3")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("#addressee-0")).ToHaveValueAsync("UBND tỉnh");
        await first.GetByLabel("Thông qua có chỉnh sửa", new() { Exact = true }).CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(first.Locator("[role=status]")).ToHaveTextAsync("Đã lưu bản nháp nhận xét.");
        await Assertions.Expect(first.GetByLabel("Hạn chế", new() { Exact = true })).ToHaveValueAsync("Thiếu lộ trình.");
        await Browser.AssertAccessible(first);
        await first.GetByLabel("Tôi xác nhận gửi bản nhận xét", new() { Exact = false }).CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Gửi bản nhận xét đã lưu" }).ClickAsync();
        await Assertions.Expect(first.Locator("[role=status]")).ToHaveTextAsync("Đã gửi bản nhận xét.");
        await Assertions.Expect(first.Locator("section[aria-labelledby=case-reviews] table")).ToContainTextAsync("Thông qua có chỉnh sửa");
        await Browser.AssertAccessible(first);

        var second = await SignedIn(browser, "expert3", $"/cases/{caseId}/review", english: true);
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Review");
        await Browser.AssertAccessible(second);
        await second.GetByLabel("Strengths", new() { Exact = true }).FillAsync("A clear structure.");
        await second.GetByLabel("Do not approve", new() { Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(second.Locator("[role=status]")).ToHaveTextAsync("The draft review was saved.");
        await second.GetByLabel("I confirm submitting the review", new() { Exact = false }).CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Submit the saved review" }).ClickAsync();
        await Assertions.Expect(second.Locator("[role=status]")).ToHaveTextAsync("The review was submitted.");
        var listed = second.Locator("section[aria-labelledby=case-reviews] table");
        await Assertions.Expect(listed).ToContainTextAsync("Do not approve");
        await Assertions.Expect(listed).ToContainTextAsync("Approve with amendments");
        await Browser.AssertAccessible(second);

        var moderator = await SignedIn(browser, "moderator", $"/cases/{caseId}");
        await Assertions.Expect(moderator.Locator("section[aria-labelledby=case-reviews] tbody tr")).ToHaveCountAsync(2);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Tổng hợp báo cáo phản biện từ hồ sơ" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToContainTextAsync("Đã tổng hợp báo cáo phản biện");
        await Browser.AssertAccessible(moderator);
    }
}
