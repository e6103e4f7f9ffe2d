using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary><c>GET /api/consultations/{id}/versions/{v}/draft.pdf</c>: the draft as printed, to whoever sees the draft page.</summary>
public class DraftPdfTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task Anyone_who_sees_the_draft_gets_it_printed_with_numbers_and_diacritics_and_without_the_page_around_it()
    {
        var (id, _) = await app.Consultation();
        await app.Submitted(id, null, rationale: "Ý kiến không được in.");
        var response = await (await app.As(null)).GetAsync($"/api/consultations/{id}/versions/1/draft.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var text = await PdfFiles.Words(pdf);
        foreach (var expected in new[] { "Phiên bản 1 · Sở KH&CN", "Kế hoạch thử nghiệm I MỤC TIÊU 1 Phát triển hạ tầng số 🇻🇳 đồng bộ, hiện đại. 2 Nâng cao năng lực nghiên cứu khoa học.", "II NHIỆM VỤ 1 Hoàn thiện thể chế." })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" not in: {text}");
        // No navigation, table of contents, feedback or links to comment.
        foreach (var screenOnly in new[] { "Mục lục", "Góp ý mục này", "Ý kiến không được in.", "Đăng nhập" })
            Assert.DoesNotContain(screenOnly, text);
        Assert.All(await PdfFiles.Fonts(pdf), line => Assert.Contains(" yes ", line));
        Assert.True(await PdfFiles.InkedPixels(pdf) > 50);
    }

    [Fact]
    public async Task A_draft_the_caller_may_not_see_or_a_version_that_does_not_exist_is_404()
    {
        var (hidden, _) = await app.Consultation(open: false);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(null)).GetAsync($"/api/consultations/{hidden}/versions/1/draft.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert1")).GetAsync($"/api/consultations/{hidden}/versions/1/draft.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("moderator")).GetAsync($"/api/consultations/{hidden}/versions/1/draft.pdf")).StatusCode);
        var (open, _) = await app.Consultation();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(null)).GetAsync($"/api/consultations/{open}/versions/9/draft.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_consultation_page_links_its_pdf_and_has_a_print_stylesheet()
    {
        var (id, _) = await app.Consultation();
        var html = await (await app.As(null)).GetStringAsync($"/consultations/{id}");
        Assert.Contains($"/api/consultations/{id}/versions/1/draft.pdf", html);
        Assert.Contains("/css/print.css", html);
        var css = await (await app.As(null)).GetStringAsync("/css/print.css");
        Assert.Contains("@media print", css);
    }
}

/// <summary>The app whose Chromium is not where the setting says.</summary>
public sealed class NoChromiumApp : FeedbackFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
    }
}

public class PdfNotInstalledTests(NoChromiumApp app) : IClassFixture<NoChromiumApp>
{
    [Fact]
    public async Task Without_chromium_the_pdf_routes_answer_503_saying_so_and_the_other_formats_still_work()
    {
        var (id, _) = await app.Consultation();
        foreach (var (who, path) in new[] { ((string?)null, $"/api/consultations/{id}/versions/1/draft.pdf"), ("official", $"/api/consultations/{id}/report.pdf") })
        {
            var response = await (await app.As(who)).GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Chưa cài đặt chức năng xuất PDF", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.docx")).StatusCode);
    }
}
