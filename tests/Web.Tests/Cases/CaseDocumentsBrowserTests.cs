using Microsoft.Playwright;
using Nq45Consult.TestSupport.Attachments;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;
using static Nq45Consult.Web.Tests.Cases.CaseSteps;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>
/// /cases/{id} in Debian's Chromium, with axe, in Vietnamese and English: the agency's official attaches the request's
/// documents (a refused file shown in the form) and withdraws one; those who follow the case find its meeting's transcript
/// and minutes.
/// </summary>
public class CaseDocumentsBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    [Fact]
    public async Task The_official_attaches_documents_on_the_case_page_and_the_council_finds_the_meeting_and_its_minutes_in_both_languages()
    {
        var (id, consultation) = await Accepted(app, $"Hồ sơ trình duyệt {Guid.NewGuid():N}"[..26]);
        await Seated(app, id, "expert1", "secretary");
        var session = await HeldMeeting(app, id, consultation);
        (await (await app.As("expert1")).PostAsync($"/api/sessions/{session}/minutes", null)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var official = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(official, app.Root, "official", $"/cases/{id}");
        await Assertions.Expect(official.Locator("#case-documents + p")).ToHaveTextAsync("Hồ sơ chưa có tài liệu đính kèm.");
        var file = official.GetByLabel("Đính kèm tài liệu (tệp PDF hoặc Word DOCX)");
        await file.SetInputFilesAsync(new FilePayload { Name = "cong-van.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Html() });
        await official.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Assertions.Expect(official.Locator("#case-file-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(official.GetByLabel("Đính kèm tài liệu (tệp PDF hoặc Word DOCX)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessible(official);
        await official.GetByLabel("Đính kèm tài liệu (tệp PDF hoặc Word DOCX)")
            .SetInputFilesAsync(new FilePayload { Name = "cong-van.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await official.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Assertions.Expect(official.Locator("[role=status]")).ToHaveTextAsync("Đã đính kèm tài liệu.");
        await official.GetByLabel("Đính kèm tài liệu (tệp PDF hoặc Word DOCX)")
            .SetInputFilesAsync(new FilePayload { Name = "du-thao.docx", MimeType = "application/octet-stream", Buffer = SampleFiles.Docx() });
        await official.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "cong-van.pdf" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/attachments/"));
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "du-thao.docx" })).ToBeVisibleAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Diễn biến phiên" })).ToHaveAttributeAsync("href", $"/sessions/{session}/transcript");
        await Assertions.Expect(official.Locator(".case-minutes")).ToContainTextAsync("(bản nháp)");
        await Assertions.Expect(official.Locator(".case-timeline li").First.Locator("time")).ToContainTextAsync(" ngày ");
        await Browser.AssertAccessible(official);
        await official.GetByRole(AriaRole.Button, new() { Name = "Rút tệp cong-van.pdf" }).ClickAsync();
        await Assertions.Expect(official.Locator("[role=status]")).ToHaveTextAsync("Đã rút tài liệu.");

        await official.GotoAsync(Url($"/cases/{id}?culture=en"));
        await Assertions.Expect(official.Locator("#case-documents")).ToHaveTextAsync("The request's documents");
        var meeting = official.Locator(".case-timeline li").Filter(new() { HasText = "Council meeting" });
        await Assertions.Expect(meeting).ToHaveClassAsync("reached");
        await Assertions.Expect(meeting.Locator("time")).Not.ToContainTextAsync("ngày");
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "cong-van.pdf" })).ToHaveCountAsync(0);
        await Assertions.Expect(official.Locator(".case-minutes")).ToContainTextAsync("Minutes of the council meeting (draft)");
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Download the minutes (DOCX)" })).ToHaveAttributeAsync("href", $"/api/sessions/{session}/minutes.docx");
        await Browser.AssertAccessible(official);

        var secretary = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(secretary, app.Root, "expert1", $"/cases/{id}?culture=en");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Link, new() { Name = "du-thao.docx" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Withdraw du-thao.docx" })).ToHaveCountAsync(0);
        await Assertions.Expect(secretary.GetByLabel("Attach a document (PDF or Word DOCX file)")).ToHaveCountAsync(0);
        await Browser.AssertAccessible(secretary);
        await Assertions.Expect(secretary.GetByRole(AriaRole.Link, new() { Name = "Minutes of the council meeting" })).ToHaveAttributeAsync("href", $"/sessions/{session}/minutes");
    }
}
