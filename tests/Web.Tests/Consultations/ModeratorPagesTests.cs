using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Nq45Consult.TestSupport.Drafts;
using Nq45Consult.Web.Tests.Accounts;

namespace Nq45Consult.Web.Tests.Consultations;

/// <summary>The moderator pages under /consultations: signed in with the cookie form, posting with the anti-forgery token.</summary>
public class ModeratorPagesTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private static Dictionary<string, string> CreateForm(string title, string closesAt = "2030-02-15T08:00", string type = "policy") => new()
    {
        ["Form.Title"] = title, ["Form.Summary"] = "Tóm tắt", ["Form.DraftingAgency"] = "Sở KH&CN", ["Form.DocumentType"] = type,
        ["Form.Fields"] = "y tế", ["Form.Audience"] = "public", ["Form.OpensAt"] = "2030-01-01T08:00", ["Form.ClosesAt"] = closesAt,
    };

    /// <summary>GETs <paramref name="page"/> for its anti-forgery token, then posts the fields to <paramref name="action"/>.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync(page));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<JsonObject> Consultation(string slug) =>
        JsonNode.Parse(await app.Moderator().GetStringAsync($"/api/consultations/{slug}"))!.AsObject();

    [Fact]
    public async Task The_create_page_labels_every_control_and_lists_the_configured_fields()
    {
        var html = await (await app.Browser("moderator")).GetStringAsync("/consultations/new");
        Assert.Contains("<label for=\"Form_Title\">", html);
        Assert.Contains("<label for=\"Form_OpensAt\">", html);
        Assert.Contains("<legend>Lĩnh vực</legend>", html);
        Assert.Contains("value=\"khoa học và công nghệ\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
    }

    [Fact]
    public async Task Creating_redirects_to_the_manage_page_with_the_minimum_period_warning()
    {
        var browser = await app.Browser("moderator");
        var created = await Post(browser, "/consultations/new", "/consultations/new", CreateForm("Trang tạo mới", closesAt: "2030-01-05T08:00", type: "legal-document"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/consultations/trang-tao-moi/manage", created.Headers.Location!.OriginalString);
        var manage = await browser.GetStringAsync("/consultations/trang-tao-moi/manage");
        Assert.Contains("Đã tạo đợt lấy ý kiến", manage);
        Assert.Contains("mức tối thiểu 20 ngày", manage);
        var stored = await Consultation("trang-tao-moi");
        Assert.Equal("draft", (string?)stored["status"]);
        Assert.Equal("2030-01-01T01:00:00+00:00", DateTimeOffset.Parse((string)stored["opensAt"]!).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:sszzz"));
    }

    [Fact]
    public async Task A_refused_form_shows_the_api_field_errors_next_to_the_fields()
    {
        var browser = await app.Browser("moderator");
        var form = CreateForm("");
        form["Form.ClosesAt"] = "2029-01-01T08:00";
        var response = await Post(browser, "/consultations/new", "/consultations/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"Form_Title-error\"[^>]*>Tiêu đề là bắt buộc.<", html);
        Assert.Matches("id=\"Form_ClosesAt-error\"[^>]*>Thời điểm kết thúc phải sau thời điểm mở.<", html);
        Assert.Contains("href=\"#Form_Title\"", html);
    }

    [Fact]
    public async Task Pasted_markdown_is_previewed_then_published_then_opened()
    {
        var id = await app.NewConsultation("Trang đăng dán", publish: false);
        var browser = await app.Browser("moderator");
        var page = "/consultations/trang-dang-dan/publish";

        var preview = await Post(browser, page, page + "?handler=Preview", new() { ["Markdown"] = Samples.Legal });
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<ol class=\"section-tree\">", html);
        Assert.Contains("#dieu-1-khoan-2", html);
        Assert.Equal(0, (int)(await Consultation(id.ToString()))["currentVersion"]!);

        var published = await Post(browser, page, page + "?handler=Publish", new() { ["Markdown"] = Samples.Legal, ["ChangeNote"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(1, (int)(await Consultation(id.ToString()))["currentVersion"]!);

        var manage = "/consultations/trang-dang-dan/manage";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(browser, manage, manage + "?handler=Open", [])).StatusCode);
        Assert.Equal("open", (string?)(await Consultation(id.ToString()))["status"]);
        var again = await Post(browser, manage, manage + "?handler=Open", []);
        Assert.Contains("Đợt lấy ý kiến đang mở.", await again.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> CorpusDocuments() => new(DraftCorpus.Names());

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public async Task Each_corpus_document_pasted_on_the_publish_page_publishes_exactly_its_expected_sections(string name)
    {
        var corpus = DraftCorpus.Load(name);
        var id = await app.NewConsultation("Trang dán " + name, publish: false);
        var slug = (string)(await Consultation(id.ToString()))["slug"]!;
        var browser = await app.Browser("moderator");
        var page = $"/consultations/{slug}/publish";

        var published = await Post(browser, page, page + "?handler=Publish", new() { ["Markdown"] = corpus.Text, ["ChangeNote"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var consultation = await Consultation(id.ToString());
        Assert.Equal(1, (int)consultation["currentVersion"]!);
        Assert.Equal(corpus.ExpectedSections, DraftUploadApiTests.Sections(consultation["sections"]!.AsArray()));
    }

    [Fact]
    public async Task Opening_without_a_version_shows_the_reason()
    {
        await app.NewConsultation("Trang chưa có bản", publish: false);
        var browser = await app.Browser("moderator");
        var manage = "/consultations/trang-chua-co-ban/manage";
        var refused = await Post(browser, manage, manage + "?handler=Open", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chưa có phiên bản dự thảo hay phiếu khảo sát nào để lấy ý kiến.", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("du-thao.pdf", "application/pdf", "## I. Mục")]
    [InlineData("du-thao.md", "image/png", "## I. Mục")]
    [InlineData("du-thao.md", "text/markdown", "## I. Mục\0\u0001\u0002")]
    public async Task A_non_markdown_upload_is_refused_next_to_the_upload_field(string fileName, string contentType, string content)
    {
        var id = await app.NewConsultation("Tải tệp sai " + Guid.NewGuid().ToString("N")[..6], publish: false);
        var slug = (string)(await Consultation(id.ToString()))["slug"]!;
        var browser = await app.Browser("moderator");
        var page = $"/consultations/{slug}/publish";
        var token = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync(page));

        var response = await browser.PostAsync(page + "?handler=Publish", Multipart(token, fileName, contentType, Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"Upload-error\"[^>]*>[^<]*(Chỉ nhận tệp Word, Markdown|không phải văn bản)", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (int)(await Consultation(id.ToString()))["currentVersion"]!);
    }

    [Fact]
    public async Task An_uploaded_markdown_file_is_previewed()
    {
        await app.NewConsultation("Tải tệp đúng", publish: false);
        var browser = await app.Browser("moderator");
        var page = "/consultations/tai-tep-dung/publish";
        var token = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync(page));

        var response = await browser.PostAsync(page + "?handler=Preview", Multipart(token, "du-thao.md", "application/octet-stream", Encoding.UTF8.GetBytes("\uFEFF" + Samples.Legal)));

        Assert.Contains("#dieu-2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inviting_an_unknown_user_name_shows_it_next_to_the_field()
    {
        await app.NewConsultation("Trang mời");
        var browser = await app.Browser("moderator");
        var manage = "/consultations/trang-moi/manage";
        var refused = await Post(browser, manage, manage + "?handler=Invite", new() { ["UserNames"] = "expert1, ai-do" });
        Assert.Matches("id=\"UserNames-error\"[^>]*>Không có tài khoản với tên đăng nhập: ai-do.<", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Post(browser, manage, manage + "?handler=Invite", new() { ["UserNames"] = "expert1\nexpert2" })).StatusCode);
        Assert.Contains("expert1, expert2", await browser.GetStringAsync(manage));
    }

    [Theory]
    [InlineData("/consultations/new")]
    [InlineData("/consultations/ke-hoach-45-nq-tw/manage")]
    [InlineData("/consultations/ke-hoach-45-nq-tw/publish")]
    public async Task An_expert_is_sent_to_the_denied_page(string page)
    {
        var response = await (await app.Browser("expert1")).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Moderators_find_the_pages_from_the_list_and_the_consultation()
    {
        var browser = await app.Browser("moderator");
        var list = await browser.GetStringAsync("/consultations");
        Assert.Contains("href=\"/consultations/new\"", list);
        Assert.Contains("href=\"/consultations/ke-hoach-45-nq-tw/manage\"", list);
        Assert.Contains("href=\"/consultations/ke-hoach-45-nq-tw/manage\"", await browser.GetStringAsync("/consultations/ke-hoach-45-nq-tw"));
        Assert.DoesNotContain("/manage\"", await app.Anonymous().GetStringAsync("/consultations/ke-hoach-45-nq-tw"));
    }

    private static MultipartFormDataContent Multipart(string token, string fileName, string contentType, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Markdown" },
            { file, "Upload", fileName },
        };
    }
}
