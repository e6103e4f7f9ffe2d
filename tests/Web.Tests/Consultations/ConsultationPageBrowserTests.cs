using Microsoft.Playwright;
using Nq45Consult.TestSupport.Drafts;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary>The app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelDraftsApp : ConsultationsApp
{
    public KestrelDraftsApp()
    {
        UseKestrel(0);
        StartServer();
    }

    public string BaseAddress => Infrastructure.Browser.AddressOf(Services).ToString().TrimEnd('/');
}

/// <summary>Debian's Chromium driven by Playwright (no browser download), with axe-core on every page opened.</summary>
public class ConsultationPageBrowserTests(KestrelDraftsApp app) : IClassFixture<KestrelDraftsApp>
{
    [Fact]
    public async Task The_seed_consultation_opens_and_a_table_of_contents_link_reaches_its_section()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();

        await page.GotoAsync($"{app.BaseAddress}/consultations");
        await Browser.AssertAccessible(page);
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw']");
        await Browser.Arrived(page, "**/consultations/ke-hoach-45-nq-tw");
        await Browser.AssertAccessible(page);

        // On a phone the table of contents is folded until asked for.
        await page.ClickAsync("nav.toc summary");
        var link = page.Locator("nav.toc a[href='#II']");
        await link.ClickAsync();
        Assert.EndsWith("#II", page.Url);
        var section = page.Locator("section#II");
        Assert.True(await section.IsVisibleAsync());
        Assert.Contains("MỤC TIÊU", await section.InnerTextAsync());
        Assert.Equal(1, await page.Locator("section#II .feedback-count[data-anchor='II']").CountAsync());
    }

    [Fact]
    public async Task A_moderator_pastes_markdown_and_sees_the_live_preview_of_its_sections()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();

        await Browser.SignIn(page, new Uri(app.BaseAddress), "moderator", "/consultations/ke-hoach-45-nq-tw");
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw/manage']");
        await Browser.Arrived(page, "**/manage");
        await Browser.AssertAccessible(page);
        await page.ClickAsync("a[href='/consultations/ke-hoach-45-nq-tw/publish']");
        await Browser.Arrived(page, "**/publish");

        await page.GetByLabel("Nội dung dự thảo").FillAsync(Samples.Legal);

        var anchor = page.Locator("#preview[aria-live=polite] ol.section-tree code.section-anchor", new() { HasTextString = "#dieu-1-khoan-2" });
        await anchor.WaitForAsync(new() { Timeout = 10_000 });
        var items = await page.Locator("#preview li").CountAsync();
        Assert.Equal($"{items} mục", await page.Locator("#preview .preview-count").InnerTextAsync());
        Assert.True(await page.Locator("#preview li li code.section-anchor", new() { HasTextString = "#dieu-1" }).CountAsync() > 0, "Articles nest under their chapter.");
        await Browser.AssertAccessible(page);

        await page.GotoAsync($"{app.BaseAddress}/consultations/new");
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task A_moderator_uploads_a_word_file_sees_its_warnings_and_publishes_it_with_its_frame()
    {
        var corpus = DraftCorpus.Load("nq-57-2016-hdnd-phu-yen");
        await app.NewConsultation("Nghị quyết tải lên từ Word", publish: false);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, new Uri(app.BaseAddress), "moderator", "/consultations/nghi-quyet-tai-len-tu-word/publish");
        await Browser.Arrived(page, "**/publish");

        await page.SetInputFilesAsync("input[type=file][name=Upload]", new FilePayload
        {
            Name = "nghi-quyet.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = LegalDocx.FromText(corpus.Text),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var warning = page.Locator("#preview .preview-warnings li");
        await warning.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("Đánh số bị nhảy: 1 → 4", await warning.InnerTextAsync());
        Assert.Contains("Căn cứ Luật Ngân sách nhà nước năm 2015;", await page.Locator("#preview .draft-frame-preamble").InnerTextAsync());
        await Browser.AssertAccessible(page);

        // The preview put what was read from the file into the text box: publishing sends that.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng phiên bản" }).ClickAsync();
        await Browser.Arrived(page, "**/manage");
        await page.GotoAsync($"{app.BaseAddress}/consultations/nghi-quyet-tai-len-tu-word");

        var anchors = await page.Locator("article section.draft-section").EvaluateAllAsync<string[]>("sections => sections.map(s => s.id)");
        Assert.Equal(corpus.ExpectedSections.Select(l => l[DraftCorpus.SectionPrefix.Length..].Split(" | ")[0]), anchors);
        Assert.Contains("NGHỊ QUYẾT", await page.Locator("article .draft-frame-header").InnerTextAsync());
        Assert.Contains("Huỳnh Tấn Việt", await page.Locator("article .draft-frame-closing").InnerTextAsync());
        Assert.Equal(0, await page.Locator("article section.draft-section", new() { HasTextString = "Huỳnh Tấn Việt" }).CountAsync());
        await Browser.AssertAccessible(page);
    }
}
