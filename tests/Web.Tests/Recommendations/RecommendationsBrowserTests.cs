using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.TestSupport.Attachments;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>/recommendations in Debian's Chromium, with axe, in Vietnamese and English: an expert's form, a file attached, a moderator routes to an agency, its official answers.</summary>
public class RecommendationsBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    [Fact]
    public async Task An_expert_recommends_a_moderator_routes_it_and_an_officials_answer_is_public_in_both_languages()
    {
        var topic = $"Quỹ đổi mới sáng tạo {Guid.NewGuid():N}"[..32];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var expert = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(expert, app.Root, "expert1", "/recommendations");
        await Browser.AssertAccessible(expert);
        await expert.GetByLabel("Chủ đề").FillAsync(topic);
        await expert.GetByLabel("Lĩnh vực (cách nhau bởi dấu phẩy)").FillAsync("khoa học, công nghệ");
        await expert.GetByLabel("Nội dung kiến nghị").FillAsync("Lập quỹ cho doanh nghiệp khởi nghiệp công nghệ.");
        await expert.GetByLabel("Ẩn danh (chỉ người kiểm duyệt biết tác giả)").CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị" }).ClickAsync();
        await Assertions.Expect(expert.Locator("[role=status]")).ToHaveTextAsync("Đã gửi kiến nghị.");
        var mine = expert.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(mine).ToContainTextAsync("Người kiến nghị: Ẩn danh");
        await Assertions.Expect(mine).ToContainTextAsync("Lĩnh vực: khoa học, công nghệ");
        await Assertions.Expect(mine).ToContainTextAsync("Chờ chuyển tới cơ quan phụ trách.");
        await mine.GetByLabel("Đính kèm tệp PDF hoặc Word (DOCX)").SetInputFilesAsync(new FilePayload { Name = "de-an.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await mine.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Assertions.Expect(expert.Locator("[role=status]")).ToHaveTextAsync("Đã đính kèm tệp.");
        await Assertions.Expect(expert.Locator(".recommendation").Filter(new() { HasText = topic }).GetByRole(AriaRole.Link, new() { Name = "de-an.pdf" })).ToBeVisibleAsync();
        await Browser.AssertAccessible(expert);

        var moderator = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(moderator, app.Root, "moderator", "/recommendations");
        var item = moderator.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(item).ToContainTextAsync("expert1");
        await item.GetByLabel("Cơ quan phụ trách").SelectOptionAsync(new SelectOptionValue { Label = DemoAgencies.AgencyName });
        await item.GetByRole(AriaRole.Button, new() { Name = "Chuyển tới cơ quan" }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToHaveTextAsync("Đã chuyển kiến nghị tới cơ quan phụ trách.");
        await Assertions.Expect(moderator.Locator(".recommendation").Filter(new() { HasText = topic })).ToContainTextAsync($"Đã chuyển tới {DemoAgencies.AgencyName}; hạn trả lời");
        await Browser.AssertAccessible(moderator);

        var official = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(official, app.Root, "official", "/recommendations");
        var toAnswer = official.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(toAnswer).Not.ToContainTextAsync("expert1");
        await toAnswer.GetByLabel("Trả lời của cơ quan").FillAsync("Sở sẽ trình đề án lập quỹ trong quý II.");
        await toAnswer.GetByRole(AriaRole.Button, new() { Name = "Công bố câu trả lời" }).ClickAsync();
        await Assertions.Expect(official.Locator("[role=status]")).ToHaveTextAsync("Đã công bố câu trả lời.");
        await Browser.AssertAccessible(official);

        var anonymous = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await anonymous.GotoAsync(Url("/"));
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Kiến nghị", Exact = true }).ClickAsync();
        var published = anonymous.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(published).ToContainTextAsync($"{DemoAgencies.AgencyName} đã trả lời.");
        await Assertions.Expect(published).ToContainTextAsync("de-an.pdf (PDF, 1 KB)");
        await Assertions.Expect(published).ToContainTextAsync("Sở sẽ trình đề án lập quỹ trong quý II.");
        Assert.DoesNotContain("expert1", await anonymous.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Browser.AssertAccessible(anonymous);

        await anonymous.GotoAsync(Url("/recommendations?culture=en"));
        await Assertions.Expect(anonymous.Locator("h1")).ToHaveTextAsync("Recommendations");
        await Assertions.Expect(anonymous.Locator(".recommendation").Filter(new() { HasText = topic })).ToContainTextAsync("By: Anonymous");
        await Browser.AssertAccessible(anonymous);
        await expert.GotoAsync(Url("/recommendations?culture=en"));
        await Assertions.Expect(expert.GetByRole(AriaRole.Button, new() { Name = "Send the recommendation" })).ToBeVisibleAsync();
        await Browser.AssertAccessible(expert);

        var listed = await (await app.As(null)).GetFromJsonAsync<JsonElement[]>("/api/recommendations") ?? [];
        Assert.Equal("answered", listed.Single(r => r.GetProperty("topic").GetString() == topic).GetProperty("status").GetString());
    }
}
