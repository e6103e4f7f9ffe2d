using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.TestSupport.Attachments;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>
/// /recommendations in Debian's Chromium, with axe, the whole path once in Vietnamese and once in English: an expert's
/// recommendation with a file, another expert's support, a moderator routes it to an agency, its official answers, and
/// the public page shows it, found again with the list's filters.
/// </summary>
public class RecommendationsBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    /// <summary>What the page says in one language, as the test looks for it.</summary>
    public sealed record Words(
        bool English, string Topic, string Fields, string Text, string Anonymous, string Send, string Sent, string ByAnonymous, string FieldsAre,
        string Waiting, string AttachFile, string Attach, string Attached, string Support, string Supported, string OneSupporter, string YouSupport,
        string Agency, string Route, string Routed, string RoutedTo, string Answer, string Publish, string Published, string Answered,
        string Status, string StatusAnswered, string StatusWaiting, string Field, string Filter, string Showing, string Heading);

    private static readonly Words Vietnamese = new(
        false, "Chủ đề", "Lĩnh vực (cách nhau bởi dấu phẩy)", "Nội dung kiến nghị", "Ẩn danh (chỉ người kiểm duyệt biết tác giả)", "Gửi kiến nghị",
        "Đã gửi kiến nghị.", "Người kiến nghị: Ẩn danh", "Lĩnh vực: khoa học, công nghệ", "Chờ chuyển tới cơ quan phụ trách.",
        "Đính kèm tệp PDF hoặc Word (DOCX)", "Đính kèm", "Đã đính kèm tệp.", "Ủng hộ kiến nghị", "Đã ghi nhận sự ủng hộ của anh/chị.",
        "1 người ủng hộ", "Anh/chị đã ủng hộ kiến nghị này.", "Cơ quan phụ trách", "Chuyển tới cơ quan", "Đã chuyển kiến nghị tới cơ quan phụ trách.",
        $"Đã chuyển tới {DemoAgencies.AgencyName}; hạn trả lời", "Trả lời của cơ quan", "Công bố câu trả lời", "Đã công bố câu trả lời.",
        $"{DemoAgencies.AgencyName} đã trả lời.", "Lọc theo trạng thái", "Đã trả lời", "Chờ chuyển cơ quan", "Lọc theo lĩnh vực", "Lọc", "Đang hiện",
        "Kiến nghị");

    private static readonly Words English = new(
        true, "Topic", "Fields (separated by commas)", "Recommendation", "Anonymous (only moderators know the author)", "Send the recommendation",
        "Recommendation sent.", "By: Anonymous", "Fields: khoa học, công nghệ", "Waiting to be routed to the agency responsible.",
        "Attach a PDF or Word (DOCX) file", "Attach", "File attached.", "Support this recommendation", "Your support is counted.",
        "Supporters: 1", "You support this recommendation.", "Agency responsible", "Route to the agency", "Recommendation routed to the agency.",
        $"Routed to {DemoAgencies.AgencyName}; answer due", "The agency's answer", "Publish the answer", "Answer published.",
        $"{DemoAgencies.AgencyName} has answered.", "Filter by status", "Answered", "Waiting to be routed", "Filter by field", "Filter", "Showing",
        "Recommendations");

    public static TheoryData<string> Languages => new() { "vi", "en" };

    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    /// <summary>A new browser context in the language of <paramref name="words"/>: English is the culture cookie the header's switch writes.</summary>
    private async Task<IPage> Open(IBrowser browser, BrowserNewContextOptions size, Words words)
    {
        var context = await browser.NewContextAsync(size);
        if (words.English) await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Den%7Cuic%3Den", Url = app.Root.ToString() }]);
        return await context.NewPageAsync();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_expert_recommends_another_supports_a_moderator_routes_it_and_an_officials_answer_is_public(string language)
    {
        var w = language == "en" ? English : Vietnamese;
        var topic = $"Quỹ đổi mới sáng tạo {language} {Guid.NewGuid():N}"[..35];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var expert = await Open(browser, Browser.Phone, w);
        await Browser.SignIn(expert, app.Root, "expert1", "/recommendations");
        await Browser.AssertAccessible(expert);
        await expert.GetByLabel(w.Topic, new() { Exact = true }).FillAsync(topic);
        await expert.GetByLabel(w.Fields).FillAsync("khoa học, công nghệ");
        await expert.GetByLabel(w.Text, new() { Exact = true }).FillAsync("Lập quỹ cho doanh nghiệp khởi nghiệp công nghệ.");
        await expert.GetByLabel(w.Anonymous).CheckAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = w.Send }).ClickAsync();
        await Assertions.Expect(expert.Locator("[role=status]")).ToHaveTextAsync(w.Sent);
        var mine = expert.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(mine).ToContainTextAsync(w.ByAnonymous);
        await Assertions.Expect(mine).ToContainTextAsync(w.FieldsAre);
        await Assertions.Expect(mine).ToContainTextAsync(w.Waiting);
        await mine.GetByLabel(w.AttachFile).SetInputFilesAsync(new FilePayload { Name = "de-an.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await mine.GetByRole(AriaRole.Button, new() { Name = w.Attach, Exact = true }).ClickAsync();
        await Assertions.Expect(expert.Locator("[role=status]")).ToHaveTextAsync(w.Attached);
        await Assertions.Expect(expert.Locator(".recommendation").Filter(new() { HasText = topic }).GetByRole(AriaRole.Link, new() { Name = "de-an.pdf" })).ToBeVisibleAsync();
        await Browser.AssertAccessible(expert);

        var supporter = await Open(browser, Browser.Desktop, w);
        await Browser.SignIn(supporter, app.Root, "expert2", "/recommendations");
        await supporter.Locator(".recommendation").Filter(new() { HasText = topic }).GetByRole(AriaRole.Button, new() { Name = w.Support }).ClickAsync();
        await Assertions.Expect(supporter.Locator("[role=status]")).ToHaveTextAsync(w.Supported);
        var supported = supporter.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(supported).ToContainTextAsync(w.OneSupporter);
        await Assertions.Expect(supported).ToContainTextAsync(w.YouSupport);
        await Assertions.Expect(supported.GetByRole(AriaRole.Button, new() { Name = w.Support })).ToHaveCountAsync(0);
        await Browser.AssertAccessible(supporter);

        var moderator = await Open(browser, Browser.Desktop, w);
        await Browser.SignIn(moderator, app.Root, "moderator", "/recommendations");
        var item = moderator.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(item).ToContainTextAsync("expert1");
        await item.GetByLabel(w.Agency).SelectOptionAsync(new SelectOptionValue { Label = DemoAgencies.AgencyName });
        await item.GetByRole(AriaRole.Button, new() { Name = w.Route }).ClickAsync();
        await Assertions.Expect(moderator.Locator("[role=status]")).ToHaveTextAsync(w.Routed);
        await Assertions.Expect(moderator.Locator(".recommendation").Filter(new() { HasText = topic })).ToContainTextAsync(w.RoutedTo);
        await Browser.AssertAccessible(moderator);

        var official = await Open(browser, Browser.Desktop, w);
        await Browser.SignIn(official, app.Root, "official", "/recommendations");
        var toAnswer = official.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(toAnswer).Not.ToContainTextAsync("expert1");
        await toAnswer.GetByLabel(w.Answer).FillAsync("Sở sẽ trình đề án lập quỹ trong quý II.");
        await toAnswer.GetByRole(AriaRole.Button, new() { Name = w.Publish }).ClickAsync();
        await Assertions.Expect(official.Locator("[role=status]")).ToHaveTextAsync(w.Published);
        await Browser.AssertAccessible(official);

        var anonymous = await Open(browser, Browser.Phone, w);
        await anonymous.GotoAsync(Url("/"));
        await anonymous.GetByRole(AriaRole.Link, new() { Name = w.Heading, Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.Locator("h1")).ToHaveTextAsync(w.Heading);
        var published = anonymous.Locator(".recommendation").Filter(new() { HasText = topic });
        await Assertions.Expect(published).ToContainTextAsync(w.Answered);
        await Assertions.Expect(published).ToContainTextAsync(w.ByAnonymous);
        await Assertions.Expect(published).ToContainTextAsync("de-an.pdf (PDF, 1 KB)");
        await Assertions.Expect(published).ToContainTextAsync("Sở sẽ trình đề án lập quỹ trong quý II.");
        await Assertions.Expect(published).ToContainTextAsync(w.OneSupporter);
        Assert.DoesNotContain("expert1", await anonymous.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Browser.AssertAccessible(anonymous);

        // The list's filters: answered, in a field it names, holds it; waiting to be routed does not.
        await anonymous.GetByLabel(w.Status).SelectOptionAsync(new SelectOptionValue { Label = w.StatusAnswered });
        await anonymous.GetByLabel(w.Field, new() { Exact = true }).SelectOptionAsync("khoa học");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = w.Filter, Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.Locator(".recommendation").Filter(new() { HasText = topic })).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#rec-list ~ p.meta")).ToContainTextAsync(w.Showing);
        await Browser.AssertAccessible(anonymous);
        await anonymous.GetByLabel(w.Status).SelectOptionAsync(new SelectOptionValue { Label = w.StatusWaiting });
        await anonymous.GetByRole(AriaRole.Button, new() { Name = w.Filter, Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.Locator(".recommendation").Filter(new() { HasText = topic })).ToHaveCountAsync(0);

        var listed = await (await app.As(null)).GetFromJsonAsync<JsonElement[]>("/api/recommendations?status=answered&field=khoa%20hoc") ?? [];
        Assert.Equal(1, listed.Single(r => r.GetProperty("topic").GetString() == topic).GetProperty("supports").GetInt32());
    }
}
