using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.TestSupport.Attachments;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>
/// Files attached to recommendations over HTTP: recognised by content, limited in size, served as attachments with safe
/// headers to those who may see the recommendation, withdrawn without being deleted.
/// </summary>
public class RecommendationAttachmentTests(SmallAttachmentsApp app) : IClassFixture<SmallAttachmentsApp>
{
    private async Task<HttpResponseMessage> Attach(string who, Guid recommendation, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await (await app.As(who)).PostAsync($"/api/recommendations/{recommendation}/attachments", form);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<JsonElement[]> Files(string? who, Guid recommendation) =>
        [.. (await app.Listed(who, recommendation))!.Value.GetProperty("attachments").EnumerateArray()];

    [Fact]
    public async Task The_author_attaches_a_PDF_and_a_DOCX_which_are_listed_and_served_as_attachments_with_safe_headers()
    {
        var id = await app.Recommend("expert1");
        var pdf = SampleFiles.Pdf();
        var docx = SampleFiles.Docx();
        var sentPdf = await Attach("expert1", id, pdf, "Báo cáo: đầy đủ?.pdf");
        Assert.Equal(HttpStatusCode.Created, sentPdf.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Attach("moderator", id, docx, "../gop-y.docx")).StatusCode);

        var files = await Files(null, id);
        Assert.Equal(
            [("Báo cáo đầy đủ.pdf", "application/pdf", pdf.Length), ("gop-y.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Length)],
            files.Select(f => (f.GetProperty("fileName").GetString(), f.GetProperty("contentType").GetString(), f.GetProperty("size").GetInt32())));

        var download = await (await app.As(null)).GetAsync(files[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Báo cáo đầy đủ.pdf"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = download.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("sandbox", policy);
        var word = await (await app.As("expert2")).GetAsync(files[1].GetProperty("url").GetString());
        Assert.Equal(docx, await word.Content.ReadAsByteArrayAsync());
        Assert.Equal("gop-y.docx", word.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_renamed_HTML_page_a_file_over_the_limit_or_none_is_refused_naming_file_and_stores_nothing()
    {
        var id = await app.Recommend("expert1", topic: "Tệp không hợp lệ");
        var html = await Attach("expert1", id, SampleFiles.Html(), "bao-cao.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Equal("application/problem+json", html.Content.Headers.ContentType!.MediaType);
        Assert.True((await Json(html)).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await Attach("expert1", id, SampleFiles.Exe(), "setup.docx")).StatusCode);

        var big = await Attach("expert1", id, [.. SampleFiles.Pdf(), .. new byte[SmallAttachmentsApp.MaxBytes]], "lon.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType!.MediaType);
        Assert.True((await Json(big)).GetProperty("errors").TryGetProperty("file", out _));

        var none = await (await app.As("expert1")).PostAsync($"/api/recommendations/{id}/attachments", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Empty(await Files("moderator", id));
    }

    [Fact]
    public async Task Only_the_author_or_a_moderator_attaches_and_a_hidden_recommendations_files_reach_moderators_only()
    {
        var id = await app.Recommend("expert1", "anonymous", "Kiến nghị sẽ bị ẩn");
        Assert.Equal(HttpStatusCode.Forbidden, (await Attach("expert2", id, SampleFiles.Pdf(), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Attach("official", id, SampleFiles.Pdf(), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Attach("expert1", Guid.NewGuid(), SampleFiles.Pdf(), "a.pdf")).StatusCode);
        var created = await Json(await Attach("expert1", id, SampleFiles.Pdf(), "a.pdf"));
        var url = created.GetProperty("url").GetString();

        var moderator = await app.As("moderator");
        (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "hide", reason = "Kiểm tra." })).EnsureSuccessStatusCode();
        foreach (var who in new[] { null, "expert1", "expert2", "official" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Attach("expert1", id, SampleFiles.Pdf(), "b.pdf")).StatusCode);
        (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "restore", reason = "Xong." })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("expert2")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_attachment_is_kept_but_neither_listed_nor_served_and_only_its_uploader_or_a_moderator_withdraws()
    {
        var id = await app.Recommend("expert1", topic: "Tệp sẽ được rút");
        var created = await Json(await Attach("expert1", id, SampleFiles.Docx(), "rut.docx"));
        var attachment = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync($"/api/attachments/{attachment}/withdrawal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("expert1")).PostAsync($"/api/attachments/{attachment}/withdrawal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert1")).GetAsync($"/api/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).GetAsync($"/api/attachments/{attachment}")).StatusCode);
        Assert.Empty(await Files("moderator", id));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).PostAsync($"/api/attachments/{attachment}/withdrawal", null)).StatusCode);
    }
}
