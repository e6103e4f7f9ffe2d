using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Surveys;

/// <summary>The survey pages in Debian's Chromium: errors in Vietnamese, grouped controls, results with text equivalents.</summary>
public class SurveyBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    [Fact]
    public async Task An_expert_is_told_what_is_missing_answers_and_the_moderator_sees_the_results()
    {
        var (id, _) = await app.Consultation();
        using var http = new HttpClient { BaseAddress = app.Root };
        var token = (await (await http.PostAsJsonAsync("/api/auth/login", new { userName = "moderator", password = ConsultationApp.DemoPassword }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync($"/api/consultations/{id}/survey", SurveyApiTests.Questions)).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(expert, app.Root, "expert1", $"/surveys/{id}");
        await Browser.AssertAccessible(expert);
        Assert.Equal(3, await expert.Locator("fieldset legend").CountAsync());

        await expert.GetByRole(AriaRole.Group, new() { Name = "2. Lĩnh vực quan tâm?" }).GetByLabel("Số hoá").CheckAsync();
        await expert.GetByLabel("4. Số năm kinh nghiệm?").FillAsync("75");
        await expert.ClickAsync("#survey-form button[type=submit]");
        await Assertions.Expect(expert.Locator("#q-0 .error")).ToHaveTextAsync("Câu hỏi này bắt buộc trả lời.");
        await Assertions.Expect(expert.Locator("#q-3 .error")).ToContainTextAsync("Số phải nằm trong khoảng");
        Assert.True(await expert.GetByLabel("Số hoá").IsCheckedAsync());
        await Browser.AssertAccessible(expert);

        await expert.GetByLabel("Quản lý").CheckAsync();
        await expert.GetByLabel("4 – Đồng ý").CheckAsync();
        await expert.GetByLabel("4. Số năm kinh nghiệm?").FillAsync("12");
        await expert.GetByLabel("5. Ý kiến khác").FillAsync("Cần thêm số liệu <b>địa phương</b>");
        await expert.ClickAsync("#survey-form button[type=submit]");
        await Assertions.Expect(expert.Locator("[role=status]")).ToContainTextAsync("Đã gửi câu trả lời khảo sát");

        var moderator = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(moderator, app.Root, "moderator", $"/surveys/{id}/results");
        await Browser.AssertAccessible(moderator);
        var results = moderator.Locator("main");
        await Assertions.Expect(results).ToContainTextAsync("Số người trả lời: 1");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Row, new() { Name = "Quản lý 1 100%" })).ToHaveCountAsync(1);
        await Assertions.Expect(results).ToContainTextAsync("Cần thêm số liệu <b>địa phương</b>");
        Assert.Equal(0, await moderator.Locator("main b").CountAsync());
    }
}
