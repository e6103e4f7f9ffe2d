using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The live room in Debian's Chromium: two people in two browser contexts, axe-core on the room.</summary>
public class RoomBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task An_expert_asks_the_moderator_approves_and_answers_and_the_expert_sees_it()
    {
        var session = await app.ASession(preModeration: true, agenda: "critique-conference");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await InRoom(browser, "expert1", session, phone: true);
        var moderator = await InRoom(browser, "moderator", session, phone: false);
        await Browser.AssertAccessible(expert);
        await Browser.AssertAccessible(moderator);

        await expert.FillAsync("#ask-text", "Mục tiêu 2030 có tính đến vùng sâu vùng xa không?");
        await expert.ClickAsync("#ask-form button[type=submit]");
        var pending = moderator.Locator("#queue .question", new() { HasText = "vùng sâu vùng xa" });
        await pending.WaitForAsync();
        Assert.Equal(0, await (await InRoom(browser, "expert2", session, phone: true)).Locator("#questions .question").CountAsync());

        await pending.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        var visible = moderator.Locator("#questions .question", new() { HasText = "vùng sâu vùng xa" });
        await visible.Locator("input").FillAsync("Có, chương trình riêng cho 62 huyện nghèo.");
        await visible.GetByRole(AriaRole.Button, new() { Name = "Trả lời" }).ClickAsync();

        var answer = expert.Locator("#questions .question .answer", new() { HasText = "62 huyện nghèo" });
        await answer.WaitForAsync();
        Assert.Contains("62 huyện nghèo", await answer.InnerTextAsync());
        await Browser.AssertAccessible(expert);

        await expert.FillAsync("#ask-text", "Câu hỏi ngoài phạm vi");
        await expert.ClickAsync("#ask-form button[type=submit]");
        var offTopic = moderator.Locator("#queue .question", new() { HasText = "ngoài phạm vi" });
        await offTopic.GetByRole(AriaRole.Button, new() { Name = "Từ chối" }).ClickAsync();
        var reason = offTopic.GetByLabel("Lý do từ chối");
        Assert.True(await reason.EvaluateAsync<bool>("e => e.required && e === document.activeElement"));
        await Browser.AssertAccessible(moderator);
        await reason.FillAsync("Không thuộc dự thảo");
        await offTopic.Locator(".reason-form button[type=submit]").ClickAsync();
        await expert.Locator("#questions .question", new() { HasText = "bị từ chối: Không thuộc dự thảo" }).WaitForAsync();
    }

    [Fact]
    public async Task A_moderator_schedules_a_session_with_its_own_agenda_and_experts_find_it_on_the_consultation_page()
    {
        var consultation = await app.AConsultation();
        var slug = $"thu-{consultation:N}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var moderator = await SignedIn(browser, "moderator", $"/consultations/{slug}", phone: false);
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Quản lý và lên lịch phiên đối thoại" }).ClickAsync();
        await Browser.Arrived(moderator, $"**/consultations/{slug}/sessions");
        await Browser.AssertAccessible(moderator);

        await moderator.GetByLabel("Tiêu đề").FillAsync("Tọa đàm chuyên gia");
        await moderator.GetByLabel("Bắt đầu lúc (giờ Việt Nam)").FillAsync("2026-12-01T09:00");
        await moderator.GetByLabel("Chương trình", new() { Exact = true }).SelectOptionAsync("own");
        await moderator.GetByLabel("Các bước của chương trình riêng").FillAsync("");
        await moderator.ClickAsync(".schedule-form button[type=submit]");
        Assert.Contains("1 đến 20 bước", await moderator.Locator(".schedule-form [role=alert]").InnerTextAsync());
        await Browser.AssertAccessible(moderator);

        await moderator.GetByLabel("Các bước của chương trình riêng").FillAsync("Khai mạc\nThảo luận\nBế mạc");
        await moderator.ClickAsync(".schedule-form button[type=submit]");
        await moderator.Locator(".session-list li", new() { HasText = "Tọa đàm chuyên gia" }).WaitForAsync();

        var expert = await SignedIn(browser, "expert1", $"/consultations/{slug}", phone: true);
        var listed = expert.Locator(".consultation-sessions li", new() { HasText = "Tọa đàm chuyên gia" });
        Assert.Contains("09:00 01/12/2026", await listed.InnerTextAsync());
        Assert.Equal(0, await expert.GetByRole(AriaRole.Link, new() { Name = "Quản lý và lên lịch phiên đối thoại" }).CountAsync());
        await listed.GetByRole(AriaRole.Link, new() { Name = "Tọa đàm chuyên gia" }).ClickAsync();
        await expert.Locator("#room[data-ready=true]").WaitForAsync();
        Assert.Equal("Chưa bắt đầu", await expert.Locator("#room-status").InnerTextAsync());
    }

    [Fact]
    public async Task The_room_speaks_English_when_asked()
    {
        var session = await app.ASession();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await InRoom(browser, "expert1", session, phone: true);
        await expert.GotoAsync($"{app.BaseAddress.ToString().TrimEnd('/')}/sessions/{session}?culture=en");
        await expert.Locator("#room[data-ready=true]").WaitForAsync();
        Assert.Equal("Questions", await expert.Locator("#questions-heading").InnerTextAsync());
        Assert.Equal("Live", await expert.Locator("#room-status").InnerTextAsync());
        await Browser.AssertAccessible(expert);
    }

    [Fact]
    public async Task After_a_lost_connection_the_room_shows_the_banner_then_catches_up_on_what_it_missed()
    {
        var session = await app.ASession();
        using var link = new CuttableLink(app.BaseAddress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await InRoom(browser, "expert1", session, phone: true, through: link.Address);
        var moderator = await InRoom(browser, "moderator", session, phone: false);
        var banner = expert.Locator("#reconnecting");
        Assert.False(await banner.IsVisibleAsync());

        link.Cut();
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("Đang kết nối lại…", await banner.InnerTextAsync());
        await moderator.FillAsync("#say-text", "Nói trong lúc bạn mất kết nối");
        await moderator.ClickAsync("#say-form button[type=submit]");
        await moderator.Locator("#messages li", new() { HasText = "trong lúc bạn mất kết nối" }).WaitForAsync();
        Assert.Equal(0, await expert.Locator("#messages li").CountAsync());

        link.Restore();
        await expert.Locator("#messages li", new() { HasText = "trong lúc bạn mất kết nối" }).WaitForAsync();
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task A_question_about_a_section_is_picked_from_the_draft_links_to_it_and_is_listed_under_it_with_its_answer()
    {
        var steps = new ConsultationSteps(app.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, new ConsultationOptions());
        var now = DateTimeOffset.UtcNow;
        var created = (await steps.Create(null, new ConsultationDetailsInput(
            $"Thử {Guid.NewGuid():N}", "Tóm tắt", "Sở KH&CN", "plan", ["y tế"], "public", now.AddDays(-1), now.AddDays(30)), "moderator")).Consultation!;
        await steps.PublishVersion(created.Id, FeedbackFixture.Markdown, null, "moderator");
        await steps.Open(created.Id, "moderator");
        var session = await app.ASession(consultation: created.Id);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var expert = await InRoom(browser, "expert1", session, phone: true);

        // The picker offers the current version's sections by their numbers and headings.
        var research = expert.Locator("#ask-anchor option", new() { HasText = "Nâng cao năng lực nghiên cứu" });
        var anchor = (await research.GetAttributeAsync("value"))!;
        await expert.FillAsync("#ask-text", "Năng lực nghiên cứu đo bằng chỉ số nào?");
        await expert.SelectOptionAsync("#ask-anchor", anchor);
        await expert.ClickAsync("#ask-form button[type=submit]");
        var link = expert.Locator("#questions .question .question-meta a");
        await link.WaitForAsync();
        Assert.Equal($"/consultations/{created.Slug}#{anchor}", await link.GetAttributeAsync("href"));
        Assert.Contains("Nâng cao năng lực nghiên cứu", await link.InnerTextAsync());
        await Browser.AssertAccessible(expert);

        await using var moderator = await RoomClient.Join(await app.Connect("moderator"), session);
        await moderator.Until(() => moderator.Questions.Values.Any(q => q.Question.Text.StartsWith("Năng lực nghiên cứu")), 60_000);
        var question = moderator.Questions.Values.Single(q => q.Question.Text.StartsWith("Năng lực nghiên cứu")).Question.Id;
        await moderator.Invoke("Answer", question, "Số công bố quốc tế và bằng sáng chế.");
        var rejected = await moderator.Invoke("AskAbout", "Câu hỏi bị từ chối về mục này", anchor);
        await moderator.Until(() => moderator.Questions.Values.Any(q => q.Question.Text.StartsWith("Câu hỏi bị từ chối")), 60_000);
        await moderator.Invoke("Reject", moderator.Questions.Values.Single(q => q.Question.Text.StartsWith("Câu hỏi bị từ chối")).Question.Id, "Trùng");

        // The draft page lists the question under its section, with its answer; the rejected one is not there.
        var draft = await SignedIn(browser, "expert2", $"/consultations/{created.Slug}", phone: false);
        var listed = draft.Locator($"[id='{anchor}'] .section-questions");
        await listed.Locator("summary").ClickAsync();
        Assert.Contains("Năng lực nghiên cứu đo bằng chỉ số nào?", await listed.InnerTextAsync());
        Assert.Contains("Số công bố quốc tế và bằng sáng chế.", await listed.InnerTextAsync());
        Assert.DoesNotContain("bị từ chối", await listed.InnerTextAsync());
        Assert.Equal(1, await draft.Locator(".section-questions").CountAsync());
        Assert.True(rejected > 0);
        await Browser.AssertAccessible(draft);

        // Nobody who may not join the sessions sees their questions on the public page.
        var visitor = await (await browser.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync(new Uri(app.BaseAddress, $"/consultations/{created.Slug}").ToString());
        Assert.Equal(0, await visitor.Locator(".section-questions").CountAsync());
    }

    private async Task<IPage> InRoom(IBrowser browser, string user, Guid session, bool phone, Uri? through = null)
    {
        var page = await SignedIn(browser, user, $"/sessions/{session}", phone, through);
        await page.Locator("#room[data-ready=true]").WaitForAsync();
        return page;
    }

    private async Task<IPage> SignedIn(IBrowser browser, string user, string path, bool phone, Uri? through = null)
    {
        var context = await browser.NewContextAsync(phone ? Browser.Phone : Browser.Desktop);
        var page = await context.NewPageAsync();
        await Browser.SignIn(page, through ?? app.BaseAddress, user, path);
        return page;
    }
}
