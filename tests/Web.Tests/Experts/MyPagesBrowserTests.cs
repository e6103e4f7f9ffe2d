using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;
using Nq45Consult.Web.Tests.Surveys;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>
/// The expert's own pages in Debian's Chromium, with axe, in Vietnamese and English: <c>/me</c> says where they stand,
/// <c>/me/profile</c> keeps their profile, consents and declarations and hands over their personal data.
/// </summary>
public class MyPagesBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private async Task<HttpClient> Api(string userName)
    {
        var http = new HttpClient { BaseAddress = app.Root };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = ConsultationApp.DemoPassword });
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }

    private string Address(string path) => new Uri(app.Root, path).ToString();

    [Fact]
    public async Task Me_shows_invitations_waiting_surveys_upcoming_sessions_and_published_responses_with_links_in_both_languages()
    {
        var expert = await app.Expert("standing.expert");
        var (invited, _) = await app.Consultation("invited", true, expert);
        using var moderator = await Api("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{invited}/survey", SurveyApiTests.Questions)).StatusCode);
        var scheduled = await moderator.PostAsJsonAsync($"/api/consultations/{invited}/sessions", new { title = "Đối thoại về lộ trình", startsAt = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var session = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var (answered, sections) = await app.Consultation();
        var item = await app.Submitted(answered, sections[0].Anchor, expert);
        await app.Close(answered);
        using var official = await Api("official");
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "accepted", explanation = "Đã sửa." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsync($"/api/consultations/{answered}/responses/publish", null)).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.Root, expert, "/me");
        await Assertions.Expect(page.Locator("#standing")).ToHaveTextAsync("Việc đang chờ anh/chị");
        var invitations = page.Locator("[data-standing=invitations] a");
        await Assertions.Expect(invitations).ToHaveCountAsync(1);
        Assert.EndsWith((await Json(moderator, $"/api/consultations/{invited}")).GetProperty("slug").GetString()!, await invitations.GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator($"[data-standing=surveys] a[href='/surveys/{invited}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-standing=sessions] a")).ToHaveAttributeAsync("href", $"/sessions/{session}");
        await Assertions.Expect(page.Locator("[data-standing=sessions] li")).ToContainTextAsync("Đối thoại về lộ trình");
        await Assertions.Expect(page.Locator("[data-standing=responses] a")).ToHaveAttributeAsync("href", $"/me/feedback#item-{item}");
        await Assertions.Expect(page.Locator("[data-standing=responses] li")).ToContainTextAsync("Tiếp thu");
        await Browser.AssertAccessible(page);

        // Answering the survey takes it off the list.
        await page.Locator($"[data-standing=surveys] a[href='/surveys/{invited}']").ClickAsync();
        await Browser.Arrived(page, $"**/surveys/{invited}");
        using var self = await Api(expert);
        Assert.Equal(HttpStatusCode.Created, (await self.PostAsJsonAsync($"/api/consultations/{invited}/survey/responses", new { answers = new { role = "Quản lý", clarity = 4 } })).StatusCode);
        await page.GotoAsync(Address("/me?culture=en"));
        await Assertions.Expect(page.Locator("#standing")).ToHaveTextAsync("Where you stand");
        await Assertions.Expect(page.Locator($"[data-standing=surveys] a[href='/surveys/{invited}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-standing=responses] li")).ToContainTextAsync("Accepted");
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task An_expert_keeps_their_profile_consents_and_declarations_and_downloads_their_data_in_both_languages()
    {
        var expert = await app.Expert("profile.expert");
        var (open, _) = await app.Consultation();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var context = await browser.NewContextAsync(Browser.Desktop);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, app.Root, expert, "/me/profile");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ của tôi");
        await Browser.AssertAccessible(page);

        // Nothing chosen: refused naming the field, nothing saved.
        await page.GetByLabel("Họ và tên (bắt buộc)").FillAsync("");
        await page.ClickAsync("text=Lưu hồ sơ");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Cần nhập họ và tên.");
        await Assertions.Expect(page.Locator("#Form_Fields-error")).ToContainTextAsync("Cần chọn ít nhất một lĩnh vực.");
        using var self = await Api(expert);
        Assert.Equal(HttpStatusCode.NotFound, (await self.GetAsync("/api/me/profile")).StatusCode);
        await Browser.AssertAccessible(page);

        await page.GetByLabel("Họ và tên (bắt buộc)").FillAsync("TS. Trần Hồ Sơ");
        await page.GetByLabel("Học vị").SelectOptionAsync("ts");
        await page.GetByLabel("y tế", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync("tran.ho.so@example.vn");
        await page.GetByLabel("Đồng ý hiện họ tên của tôi cùng góp ý, trong phiên đối thoại và báo cáo").CheckAsync();
        await page.ClickAsync("text=Lưu hồ sơ");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã lưu hồ sơ.");
        var profile = await Json(self, "/api/me/profile");
        Assert.Equal(("TS. Trần Hồ Sơ", "ts", "tran.ho.so@example.vn"),
            (profile.GetProperty("fullName").GetString(), profile.GetProperty("degree").GetString(), profile.GetProperty("contact").GetProperty("email").GetString()));
        Assert.True(profile.GetProperty("consent").GetProperty("toAppearByName").GetBoolean());
        Assert.False(profile.GetProperty("consent").GetProperty("toBeContacted").GetBoolean());
        Assert.Equal(["y tế"], profile.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.True(await page.GetByLabel("Đồng ý hiện họ tên của tôi cùng góp ý, trong phiên đối thoại và báo cáo").IsCheckedAsync());

        // A declared interest must be described.
        await page.GetByLabel("Đợt lấy ý kiến", new() { Exact = true }).SelectOptionAsync(open.ToString());
        await page.GetByLabel("Có lợi ích liên quan", new() { Exact = true }).CheckAsync();
        await page.ClickAsync("text=Gửi kê khai");
        await Assertions.Expect(page.Locator("#Statement-error")).ToContainTextAsync("Cần mô tả lợi ích liên quan.");
        await page.GetByLabel("Có lợi ích liên quan", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Mô tả lợi ích (bắt buộc nếu có)").FillAsync("Tôi tư vấn cho một doanh nghiệp trong ngành.");
        await page.ClickAsync("text=Gửi kê khai");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã ghi nhận kê khai.");
        await Assertions.Expect(page.Locator($"[data-declaration='{open}']")).ToContainTextAsync("Tôi tư vấn cho một doanh nghiệp trong ngành.");
        var declared = await Json(self, $"/api/consultations/{open}/interests/mine");
        Assert.True(declared.GetProperty("hasInterests").GetBoolean());
        await Browser.AssertAccessible(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-data"));
        var data = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        Assert.Equal(expert, data.GetProperty("userName").GetString());
        Assert.Equal("tran.ho.so@example.vn", data.GetProperty("profile").GetProperty("details").GetProperty("email").GetString());
        Assert.Equal("Tôi tư vấn cho một doanh nghiệp trong ngành.", data.GetProperty("interestDeclarations")[0].GetProperty("statement").GetString());

        await page.GotoAsync(Address("/me/profile?culture=en"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My profile");
        await Assertions.Expect(page.GetByLabel("I agree to appear by name with my feedback, in live sessions and in reports")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#download-data")).ToHaveTextAsync("Download my personal data (JSON)");
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task Someone_without_the_expert_role_reads_the_page_and_downloads_but_has_no_profile_form()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.Root, "official", "/me/profile");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Chỉ chuyên gia mới có hồ sơ trong danh sách chuyên gia.");
        Assert.Equal(0, await page.Locator("form[action*='handler=Save']").CountAsync());
        await Browser.AssertAccessible(page);
    }

    private static async Task<JsonElement> Json(HttpClient http, string path) => await http.GetFromJsonAsync<JsonElement>(path);
}
