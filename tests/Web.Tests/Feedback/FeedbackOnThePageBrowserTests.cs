using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// Items listed on the consultation page in Chromium on a touch phone: reported (tap to open, keyboard to fill
/// and send), and added or removed live for a viewer while others write.
/// </summary>
public class FeedbackOnThePageBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    [Fact]
    public async Task An_expert_opens_a_sections_feedback_by_touch_and_reports_an_item_with_the_keyboard()
    {
        var (consultation, sections) = await app.Consultation();
        using var http = new HttpClient { BaseAddress = app.Root };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await http.TokenAsync("expert1", ConsultationApp.DemoPassword));
        var created = await http.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Nội dung quảng cáo dịch vụ"));
        created.EnsureSuccessStatusCode();
        var item = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        var slug = (await http.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}")).GetProperty("slug").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = Browser.Phone.ViewportSize, HasTouch = true, IsMobile = true });
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.Root, "expert2", $"/consultations/{slug}");

        var section = page.Locator($"[id='{sections[0].Anchor}']");
        await section.Locator("details.section-feedback > summary").TapAsync();
        await Assertions.Expect(section.GetByText("Nội dung quảng cáo dịch vụ")).ToBeVisibleAsync();
        await Browser.AssertAccessible(page);

        var report = section.Locator("details.report > summary");
        await report.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var category = section.GetByLabel("Loại vi phạm");
        await Assertions.Expect(category).ToBeVisibleAsync();
        await Browser.AssertAccessible(page);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(category).ToBeFocusedAsync();
        await category.SelectOptionAsync("spam");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(section.GetByLabel("Mô tả vi phạm (bắt buộc)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Quảng cáo dịch vụ, không góp ý cho dự thảo.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Browser.Arrived(page, $"**/consultations/{slug}#item-{item}");
        var confirmation = page.Locator($"#item-{item} [role=status]");
        await Assertions.Expect(confirmation).ToContainTextAsync("Đã gửi báo cáo vi phạm tới người kiểm duyệt.");
        await Assertions.Expect(confirmation).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#item-{item} details.report")).ToHaveCountAsync(0);
        await Browser.AssertAccessible(page);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await http.TokenAsync("moderator", ConsultationApp.DemoPassword));
        var queue = await http.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?consultation={consultation}");
        var reason = Assert.Single(Assert.Single(queue.EnumerateArray()).GetProperty("reportReasons").EnumerateArray());
        Assert.Equal("spam", reason.GetProperty("category").GetString());
        Assert.Equal("Quảng cáo dịch vụ, không góp ý cho dự thảo.", reason.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_viewer_sees_a_new_item_appear_in_its_section_and_leave_when_withdrawn_without_reloading()
    {
        var (consultation, sections) = await app.Consultation();
        using var http = new HttpClient { BaseAddress = app.Root };
        var slug = (await http.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}")).GetProperty("slug").GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await page.GotoAsync(new Uri(app.Root, $"/consultations/{slug}").ToString(), Browser.NetworkIdle);
        var section = page.Locator($"[id='{sections[1].Anchor}']");
        await Assertions.Expect(section.Locator("details.section-feedback")).ToHaveCountAsync(0);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await http.TokenAsync("expert3", ConsultationApp.DemoPassword));
        var created = await http.PostAsJsonAsync($"/api/consultations/{consultation}/feedback",
            FeedbackFixture.Feedback(sections[1].Anchor, "<b>Viết trực tiếp</b> 🙂", attribution: "anonymous"));
        created.EnsureSuccessStatusCode();
        var item = (await created.Content.ReadFromJsonAsync<Created>())!.Id;

        await Assertions.Expect(section.Locator("details.section-feedback .entry-count")).ToHaveTextAsync("1");
        await section.Locator("details.section-feedback > summary").ClickAsync();
        var entry = section.Locator($"#item-{item}");
        await Assertions.Expect(entry.Locator(".rationale")).ToHaveTextAsync("<b>Viết trực tiếp</b> 🙂");
        await Assertions.Expect(entry.Locator(".meta")).ToHaveTextAsync("Ẩn danh · Đề nghị sửa đổi");
        Assert.Equal(0, await entry.Locator("b").CountAsync());
        await Browser.AssertAccessible(page);

        (await http.DeleteAsync($"/api/feedback/{item}")).EnsureSuccessStatusCode();
        await Assertions.Expect(section.Locator($"#item-{item}")).ToHaveCountAsync(0);
        await Assertions.Expect(section.Locator("details.section-feedback")).ToHaveCountAsync(0);
    }
}
