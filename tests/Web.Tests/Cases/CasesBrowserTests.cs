using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>
/// /cases and /cases/{id} in Debian's Chromium, with axe: an official requests, the Union accepts, appoints the council
/// (the chair accepts on the page), and sends the report, which the agency's official then reads; in both languages.
/// </summary>
public class CasesBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    /// <summary>An expert of the registry (a demo one, or <paramref name="newcomer"/> given an account and a profile), appointed and accepting through the API.</summary>
    private async Task Seated(Guid caseId, string userName, string role, bool newcomer = false)
    {
        if (newcomer) await app.Expert(userName);
        var expert = await app.As(userName);
        if (newcomer) (await expert.PutAsJsonAsync("/api/me/profile", new { fullName = $"Chuyên gia {userName}", academicTitle = "none", degree = "ts", fields = new[] { "y tế" } })).EnsureSuccessStatusCode();
        var moderator = await app.As("moderator");
        var candidates = await moderator.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/candidates?q={userName}");
        var profileId = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == userName).GetProperty("profileId").GetGuid();
        var appointed = await moderator.PostAsJsonAsync($"/api/cases/{caseId}/council", new { profileId, role });
        appointed.EnsureSuccessStatusCode();
        var member = (await appointed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await expert.PostAsync($"/api/cases/{caseId}/council/{member}/accept", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_agencys_request_is_accepted_its_council_formed_and_its_report_sent_on_the_pages()
    {
        var (consultation, _) = await app.Consultation();
        var subject = $"Phản biện thử {Guid.NewGuid():N}"[..28];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var official = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(official, app.Root, "official", "/cases");
        await Browser.AssertAccessible(official);
        await official.GetByLabel("Loại việc").SelectOptionAsync("critique");
        await official.GetByLabel("Nội dung đề nghị").FillAsync(subject);
        await official.GetByLabel("Dự thảo").SelectOptionAsync(consultation.ToString());
        await official.GetByLabel("Thời hạn").FillAsync(DateTimeOffset.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await official.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị" }).ClickAsync();
        await Assertions.Expect(official.Locator("[role=status]")).ToHaveTextAsync("Đã ghi nhận đề nghị.");
        await Assertions.Expect(official.Locator("h1")).ToHaveTextAsync(subject);
        var caseId = Guid.Parse(official.Url.Split('/')[^1]);
        await Browser.AssertAccessible(official);

        var moderator = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(moderator, app.Root, "moderator", "/cases");
        await moderator.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToHaveTextAsync("Đã tiếp nhận đề nghị.");
        await moderator.GetByLabel("Tìm trong danh sách chuyên gia").FillAsync("Nguyen Van An");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await moderator.GetByLabel("Nguyễn Văn An", new() { Exact = false }).CheckAsync();
        await moderator.GetByLabel("Vai trò").SelectOptionAsync("chair");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Mời vào hội đồng" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToHaveTextAsync("Đã mời thành viên; người được mời nhận được thông báo.");
        await Assertions.Expect(moderator.Locator("table")).ToContainTextAsync("Chủ tịch hội đồng");
        await Browser.AssertAccessible(moderator);

        var chair = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(chair, app.Root, "expert1", $"/cases/{caseId}");
        await Assertions.Expect(chair.Locator(".seat-answer")).ToContainTextAsync("Bạn được mời làm Chủ tịch hội đồng của hội đồng.");
        await Browser.AssertAccessible(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Nhận lời", Exact = true }).ClickAsync();
        await Assertions.Expect(chair.Locator("[role=status]")).ToHaveTextAsync("Bạn đã nhận lời tham gia hội đồng.");

        await Seated(caseId, "expert2", "secretary");
        await Seated(caseId, "expert3", "first-reviewer");
        await Seated(caseId, "hoidong.trinhduyet", "second-reviewer", newcomer: true);
        (await (await app.As("moderator")).PutAsJsonAsync($"/api/consultations/{consultation}/critique", new
        {
            strengths = new[] { new { text = "Mục tiêu phù hợp.", itemIds = Array.Empty<Guid>() } },
            shortcomings = new[] { new { text = "Thiếu nguồn lực.", itemIds = Array.Empty<Guid>() } },
            recommendations = new[] { new { addressee = "Ban Tuyên giáo Tỉnh ủy", text = "Bổ sung lộ trình thực hiện.", itemIds = Array.Empty<Guid>() } },
        })).EnsureSuccessStatusCode();

        await moderator.ReloadAsync();
        var formed = moderator.Locator(".case-timeline li").Filter(new() { HasText = "Thành lập hội đồng" });
        await Assertions.Expect(formed).ToHaveClassAsync("reached");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo phản biện tới cơ quan" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToHaveTextAsync("Đã gửi báo cáo; cán bộ của cơ quan được thông báo.");
        await Browser.AssertAccessible(moderator);

        await official.GotoAsync(Url($"/cases/{caseId}?culture=en"));
        await Assertions.Expect(official.Locator(".case-timeline li").Filter(new() { HasText = "Report sent" })).ToHaveClassAsync("reached");
        await Assertions.Expect(official.Locator(".case-report")).ToContainTextAsync("Bổ sung lộ trình thực hiện.");
        await Assertions.Expect(official.GetByRole(AriaRole.Button, new() { Name = "Send the agency's answer" })).ToBeVisibleAsync();
        await Browser.AssertAccessible(official);
        await official.GotoAsync(Url("/notifications"));
        await Assertions.Expect(official.Locator("main")).ToContainTextAsync(subject);
    }
}
