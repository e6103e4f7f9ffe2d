using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.TestSupport.Drafts;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary>
/// <c>POST /api/consultations/{id}/versions/upload</c>: the corpus of real documents published as Word and
/// text files gives exactly the expected sections; files that are not what they claim are refused naming <c>file</c>.
/// </summary>
public class DraftUploadApiTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    public static TheoryData<string> Documents() => new(DraftCorpus.Names());

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_corpus_document_uploaded_as_a_word_file_publishes_exactly_its_expected_sections(string name)
    {
        var corpus = DraftCorpus.Load(name);
        var id = await app.NewConsultation("Tải lên " + name, publish: false);

        var response = await Upload(id, name + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", LegalDocx.FromText(corpus.Text));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)body["version"]!);
        Assert.Equal(corpus.ExpectedSections, Sections(body["sections"]!.AsArray()));
    }

    [Fact]
    public async Task A_text_file_publishes_its_sections_and_a_second_version_needs_its_change_note()
    {
        var corpus = DraftCorpus.Load("nq-57-2016-hdnd-phu-yen");
        var id = await app.NewConsultation("Tải lên văn bản thuần", publish: false);
        var text = Encoding.UTF8.GetBytes(corpus.Text);

        var first = await Upload(id, "nghi-quyet.txt", "text/plain", text);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(corpus.ExpectedSections, Sections(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["sections"]!.AsArray()));

        var second = await Upload(id, "nghi-quyet.txt", "text/plain", Encoding.UTF8.GetBytes(corpus.Text.Replace("tháng 12 năm 2016", "tháng 12 năm 2017")));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("changeNote", await second.Content.ReadAsStringAsync());
        var noted = await Upload(id, "nghi-quyet.txt", "text/plain", Encoding.UTF8.GetBytes(corpus.Text.Replace("tháng 12 năm 2016", "tháng 12 năm 2017")), "Sửa ngày");
        Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await noted.Content.ReadAsStringAsync())!["version"]!);
    }

    public static TheoryData<string, string, byte[]> Refused() => new()
    {
        { "du-thao.pdf", "application/pdf", "%PDF-1.7"u8.ToArray() },
        { "du-thao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Điều 1. Không phải tệp Word"u8.ToArray() },
        { "du-thao.docx", "application/octet-stream", ZipWithout() },
        { "du-thao.txt", "text/plain", [0x44, 0x69, 0xFF, 0xFE, 0x00] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_draft_is_refused_naming_the_file_and_changes_nothing(string fileName, string contentType, byte[] content)
    {
        var id = await app.NewConsultation("Tệp sai " + Guid.NewGuid().ToString("N")[..6], publish: false);

        var response = await Upload(id, fileName, contentType, content);

        await AssertRefusedFile(response);
        Assert.Equal(0, (int)JsonNode.Parse(await app.Moderator().GetStringAsync($"/api/consultations/{id}"))!["currentVersion"]!);
    }

    [Fact]
    public async Task A_word_file_with_an_image_is_refused_with_a_clear_message()
    {
        var id = await app.NewConsultation("Tệp có hình", publish: false);

        var response = await Upload(id, "co-hinh.docx", "application/octet-stream", WordWithImage());

        var problem = await AssertRefusedFile(response);
        Assert.Contains("hình ảnh", problem);
    }

    [Fact]
    public async Task A_request_without_a_file_is_refused_naming_the_file()
    {
        var id = await app.NewConsultation("Không có tệp", publish: false);
        using var form = new MultipartFormDataContent { { new StringContent("ghi chú"), "changeNote" } };

        await AssertRefusedFile(await app.Moderator().PostAsync($"/api/consultations/{id}/versions/upload", form));
    }

    [Fact]
    public async Task The_preview_shows_the_frame_and_the_warnings_in_the_callers_language()
    {
        var text = DraftCorpus.Load("nq-57-2016-hdnd-phu-yen").Text;

        var vietnamese = JsonNode.Parse(await (await app.Moderator().PostAsJsonAsync("/api/drafts/preview", new { markdown = text })).Content.ReadAsStringAsync())!;
        Assert.Contains("Căn cứ Luật Tổ chức chính quyền địa phương", (string)vietnamese["frame"]!["preambleHtml"]!);
        Assert.Contains("Huỳnh Tấn Việt", (string)vietnamese["frame"]!["closingHtml"]!);
        var warning = Assert.Single(vietnamese["warnings"]!.AsArray())!;
        Assert.Equal("numbering-gap", (string)warning["kind"]!);
        Assert.Equal("dieu-3-khoan-4", (string)warning["anchor"]!);
        Assert.Equal("Đánh số bị nhảy: 1 → 4", (string)warning["message"]!);

        var english = JsonNode.Parse(await (await app.Moderator().PostAsJsonAsync("/api/drafts/preview?culture=en", new { markdown = text })).Content.ReadAsStringAsync())!;
        Assert.Equal("The numbering skips: 1 → 4", (string)english["warnings"]![0]!["message"]!);
    }

    private Task<HttpResponseMessage> Upload(Guid id, string fileName, string contentType, byte[] content, string? changeNote = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (changeNote is not null) form.Add(new StringContent(changeNote), "changeNote");
        return app.Moderator().PostAsync($"/api/consultations/{id}/versions/upload", form);
    }

    private static async Task<string> AssertRefusedFile(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(problem)!["errors"]!["file"]);
        return problem;
    }

    internal static IEnumerable<string> Sections(JsonArray sections) =>
        sections.Select(s => DraftCorpus.SectionLine((string)s!["anchor"]!, (string?)s["parentAnchor"], (string)s["number"]!, (string)s["heading"]!));

    /// <summary>A zip that is not a Word package: no word/document.xml.</summary>
    private static byte[] ZipWithout()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("Điều 1. Không phải Word");
        }

        return stream.ToArray();
    }

    private static byte[] WordWithImage()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Điều 1. Phạm vi điều chỉnh")))));
            var image = main.AddImagePart(ImagePartType.Png);
            using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="));
            image.FeedData(png);
        }

        return stream.ToArray();
    }
}
