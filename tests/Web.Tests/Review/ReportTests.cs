using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Nq45Consult.Web.Tests.Review;

public class ReportTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Expert2Name = "TS. Lê Thị Hồng Nhung";
    private const string Formula = "=HYPERLINK(\"http://x\")";

    /// <summary>
    /// A closed consultation with a named item on section I (answered), an anonymous one on section II, a general
    /// remark starting with a formula, and a live session with one answered question.
    /// </summary>
    private async Task<Guid> Consultation()
    {
        var (id, sections) = await app.Consultation();
        var last = sections[^1].Anchor;
        var named = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Cần lộ trình cụ thể."));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Ý kiến ẩn danh.", "disagree", "anonymous"));
        await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(null, Formula, "other"));
        await HoldSession(id);
        await app.Close(id);
        var item = (await named.Content.ReadFromJsonAsync<Created>())!.Id;
        (await (await app.As("official")).PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "accepted", explanation = "Đã bổ sung lộ trình." }))
            .EnsureSuccessStatusCode();
        return id;
    }

    private async Task HoldSession(Guid consultation)
    {
        var moderator = await app.As("moderator");
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title = "Hội thảo phản biện", startsAt = DateTimeOffset.UtcNow });
        var session = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        (await moderator.PostAsync($"/api/sessions/{session}/start", null)).EnsureSuccessStatusCode();
        var expert = new Caller("expert1", "PGS.TS. Nguyễn Văn An", new HashSet<Role> { Role.Expert });
        var chair = new Caller("moderator", "Điều phối viên", new HashSet<Role> { Role.Moderator });
        var question = Guid.NewGuid();
        await app.Services.GetRequiredService<AskQuestionHandler>()
            .Handle(new AskQuestion(session, question, "Kinh phí lấy từ đâu?", null, expert), CancellationToken.None);
        var answer = await app.Services.GetRequiredService<AnswerQuestionHandler>()
            .Handle(new AnswerQuestion(session, question, "Từ ngân sách tỉnh.", chair), CancellationToken.None);
        Assert.True(answer.Decision.Accepted);
    }

    /// <summary>The paragraphs of the left and right cells of a two-column table (letterhead, signature).</summary>
    private static (List<string> Left, List<string> Right) Cells(Table table)
    {
        var cells = table.Elements<TableRow>().Single().Elements<TableCell>().Select(c => c.Elements<Paragraph>().Select(p => p.InnerText).ToList()).ToList();
        return (cells[0], cells[1]);
    }

    private async Task<byte[]> Report(Guid consultation, string format, string user = "official")
    {
        var response = await (await app.As(user)).GetAsync($"/api/consultations/{consultation}/report.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_docx_is_the_acceptance_table_in_the_filed_layout()
    {
        var id = await Consultation();
        using var document = WordprocessingDocument.Open(new MemoryStream(await Report(id, "docx")), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var size = body.Descendants<PageSize>().Single();
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);
        // Decree 30/2020: 20 mm top and bottom, 30 mm left, 15 mm right (twips: 56.7 per mm); Times New Roman 13 pt.
        var margin = body.Descendants<PageMargin>().Single();
        Assert.Equal((1134, 1134, 1701u, 851u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("Times New Roman", defaults.Descendants<RunFonts>().Single().Ascii!.Value);
        Assert.Equal("26", defaults.Descendants<FontSize>().Single().Val!.Value);

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        // Letterhead by default: the drafting agency in capitals, number and date left blank to fill by hand.
        var (left, right) = Cells(tables[0]);
        Assert.Equal(["SỞ KH&CN", "Số: ……/BC-……"], left);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right[0]);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", right[1]);
        Assert.StartsWith("……, ngày …… tháng …… năm ", right[2]);
        var motto = tables[0].Descendants<Paragraph>().Single(p => p.InnerText == "Độc lập - Tự do - Hạnh phúc");
        Assert.NotNull(motto.Descendants<Underline>().SingleOrDefault());

        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("3 chuyên gia đã góp ý với 3 ý kiến") && p.Contains("không đồng ý 1"));
        Assert.Contains(paragraphs, p => p.Contains("tiếp thu 1") && p.Contains("chưa phản hồi 2"));

        var rows = tables[1].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["TT", "Nhóm vấn đề / Điều, khoản", "Chủ thể góp ý", "Nội dung góp ý", "Nội dung tiếp thu, giải trình"], rows[0]);
        var items = rows.Where(r => r.Count == 5).Skip(1).ToList();
        Assert.Equal(["1", "2", "3", "4"], items.Select(r => r[0]));
        // General remarks first, then sections in document order, then the live session.
        Assert.Equal("Góp ý chung về dự thảo", items[0][1]);
        Assert.Equal("Ẩn danh", items[1][2]);
        Assert.Equal("Kế hoạch thử nghiệm", items[1][1]);
        Assert.Contains("Đã bổ sung lộ trình.", items[2][4]);
        Assert.Contains("Kinh phí lấy từ đâu?", items[3][3]);
        Assert.Contains("Từ ngân sách tỉnh.", items[3][4]);
        Assert.DoesNotContain(Expert2Name, body.InnerText);
        Assert.DoesNotContain("expert2", body.InnerText);

        var (recipients, signer) = Cells(tables[2]);
        Assert.Equal(["Nơi nhận:", "- Lưu: VT."], recipients);
        Assert.Equal("THỦ TRƯỞNG CƠ QUAN", signer[0]);
    }

    [Fact]
    public async Task The_letterhead_details_filled_before_export_are_in_the_docx_and_read_back()
    {
        var id = await Consultation();
        var official = await app.As("official");
        var set = await official.PutAsJsonAsync($"/api/consultations/{id}/report-details", new
        {
            issuingBody = "Sở Khoa học và Công nghệ",
            number = "12/BC-SKHCN",
            place = "Hà Nội",
            date = "2026-02-05",
            signerPosition = "KT. Giám đốc\nPhó Giám đốc",
            signerName = "Nguyễn Văn Bình",
            recipients = new[] { "UBND tỉnh;", "", "Lưu: VT, KHCN." },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/report-details");
        Assert.Equal("12/BC-SKHCN", view.GetProperty("number").GetString());
        Assert.Equal("official", view.GetProperty("setBy").GetString());
        Assert.Equal("Hà Nội, ngày 05 tháng 02 năm 2026", view.GetProperty("printed").GetProperty("placeDateLine").GetString());

        using var document = WordprocessingDocument.Open(new MemoryStream(await Report(id, "docx")), false);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        var (left, right) = Cells(tables[0]);
        Assert.Equal(["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 12/BC-SKHCN"], left);
        Assert.Equal("Hà Nội, ngày 05 tháng 02 năm 2026", right[2]);
        var (recipients, signer) = Cells(tables[^1]);
        Assert.Equal(["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, KHCN."], recipients);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer[..2]);
        Assert.Equal("Nguyễn Văn Bình", signer[^1]);
    }

    [Fact]
    public async Task Bad_letterhead_details_are_a_400_naming_the_field_and_change_nothing()
    {
        var id = await Consultation();
        var official = await app.As("official");
        var refused = await official.PutAsJsonAsync($"/api/consultations/{id}/report-details", new { number = "12/\nBC", signerName = "Bình" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));
        var view = await official.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/report-details");
        Assert.Equal("", view.GetProperty("signerName").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("setAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await official.PutAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/report-details", new { })).StatusCode);
    }

    [Fact]
    public async Task English_column_headings_are_offered_and_the_report_stays_vietnamese()
    {
        var id = await Consultation();
        using var document = WordprocessingDocument.Open(new MemoryStream(await Report(id, "docx?headings=en")), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var header = body.Elements<Table>().ElementAt(1).Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText);
        Assert.Equal(["No.", "Issue / Article, clause", "Commenter", "Feedback", "Acceptance and explanation"], header);
        Assert.Contains("BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", body.InnerText);
        var csv = Encoding.UTF8.GetString(await Report(id, "csv?headings=en"));
        Assert.StartsWith("\uFEFFNo.,\"Issue / Article, clause\",Commenter,Stance,", csv);

        var wrong = await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.docx?headings=fr");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("headings", out _));
    }

    [Fact]
    public async Task The_pdf_is_the_same_report_printed_with_exact_vietnamese_embedded_fonts_and_ink()
    {
        var id = await Consultation();
        (await (await app.As("official")).PutAsJsonAsync($"/api/consultations/{id}/report-details",
            new { number = "7/BC-SKHCN", signerName = "Trần Thị Ngọc Ánh", recipients = new[] { "Bộ Khoa học và Công nghệ;" } })).EnsureSuccessStatusCode();
        var response = await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var text = await PdfFiles.Words(pdf);
        foreach (var expected in new[]
        {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ KH&CN", "Số: 7/BC-SKHCN",
            "TIẾP THU, GIẢI TRÌNH", "Nhóm vấn đề / Điều, khoản", "Kế hoạch thử nghiệm", "Cần lộ trình cụ thể.", "Đã bổ sung lộ trình.",
            "Kinh phí lấy từ đâu?", "Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "Trần Thị Ngọc Ánh",
        })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" not in: {text}");
        Assert.DoesNotContain(Expert2Name, text);
        // Every font is embedded (a font left out would print differently elsewhere).
        var fonts = await PdfFiles.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Contains(" yes ", line));
        Assert.True(await PdfFiles.InkedPixels(pdf) > 100);
    }

    [Fact]
    public async Task The_xlsx_has_one_row_per_item_and_no_anonymous_author()
    {
        var id = await Consultation();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await Report(id, "xlsx", "moderator")), false);
        var sheet = workbook.WorkbookPart!.Workbook.Descendants<Spreadsheet.Sheet>().First(s => s.Name == "Tổng hợp");
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.Descendants<Spreadsheet.Row>().Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("Chủ thể góp ý", rows[0][2]);
        Assert.Equal(["LS. Hoàng Đức Minh", "Ẩn danh", "PGS.TS. Nguyễn Văn An", "PGS.TS. Nguyễn Văn An"], rows.Skip(1).Select(r => r[2]));
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains(Expert2Name));
        // A moderator sees no draft response before publication.
        Assert.Equal("", rows[3][6]);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_and_neutralises_formulas()
    {
        var id = await Consultation();
        var bytes = await Report(id, "csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Nhóm vấn đề / Điều, khoản", text);
        Assert.Contains("Ẩn danh", text);
        Assert.DoesNotContain(Expert2Name, text);
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain(",\"=HYPERLINK", text);
    }

    [Fact]
    public async Task A_report_with_a_progress_token_sends_its_requester_rows_written_up_to_the_total()
    {
        var id = await Consultation();
        var token = Guid.NewGuid().ToString("N");
        await using var official = await ProgressReadings.Of(app, "official");
        await using var moderator = await ProgressReadings.Of(app, "moderator");

        var response = await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.xlsx?progress={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Three items and the session's question: four rows, counted before writing, reported from 0 up to 4 in order.
        var readings = await official.UntilWritten(4);
        Assert.Equal([0, 1, 2, 3, 4], readings.Select(r => r.Written));
        Assert.All(readings, r => Assert.Equal((token, 4), (r.Token, r.Total)));
        // Only the person who asked hears of it.
        Assert.Empty(moderator.Received);
    }

    [Fact]
    public async Task A_malformed_progress_token_is_a_400_naming_it()
    {
        var id = await Consultation();
        var response = await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.csv?progress=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("progress", out _));
    }

    [Fact]
    public async Task Experts_and_strangers_get_no_report_and_unknown_formats_are_404()
    {
        var id = await Consultation();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync($"/api/consultations/{id}/report.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.odt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("official")).GetAsync($"/api/consultations/{Guid.NewGuid()}/report.docx")).StatusCode);
    }
}
