using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

public class CritiqueReportTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_moderator_assembles_the_critique_from_items_and_text_and_exports_it()
    {
        var (id, sections) = await app.Consultation();
        var named = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[^1].Anchor, "Mục tiêu rõ ràng, khả thi."));
        var anonymous = await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(sections[0].Anchor, "Thiếu nguồn lực tài chính.", "disagree", "anonymous"));
        var (good, bad) = ((await named.Content.ReadFromJsonAsync<Created>())!.Id, (await anonymous.Content.ReadFromJsonAsync<Created>())!.Id);
        var moderator = await app.As("moderator");
        var body = new
        {
            strengths = new[] { new { text = "Mục tiêu phù hợp Nghị quyết 45.", itemIds = new[] { good } } },
            shortcomings = new[] { new { text = "Chưa tính đủ nguồn lực.", itemIds = new[] { bad } } },
            recommendations = new[] { new { addressee = "UBND tỉnh", text = "Bổ sung phụ lục kinh phí.", itemIds = Array.Empty<Guid>() } },
        };
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{id}/critique", body)).StatusCode);

        await using var progress = await ProgressReadings.Of(app, "official");
        var docx = await (await app.As("official")).GetAsync($"/api/consultations/{id}/critique.docx?progress=critique-1");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        // Progress counts the report's three points.
        Assert.Equal([0, 1, 2, 3], (await progress.UntilWritten(3)).Select(r => r.Written));
        Assert.All(progress.Received, r => Assert.Equal(("critique-1", 3), (r.Token, r.Total)));
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BÁO CÁO PHẢN BIỆN", text);
        Assert.Contains("I. ƯU ĐIỂM\n1. Mục tiêu phù hợp Nghị quyết 45.\n– Ý kiến của PGS.TS. Nguyễn Văn An: Mục tiêu rõ ràng, khả thi.", text);
        Assert.Contains("– Ý kiến của Ẩn danh: Thiếu nguồn lực tài chính.", text);
        Assert.Contains("Kiến nghị với UBND tỉnh\n1. Bổ sung phụ lục kinh phí.", text);
        Assert.DoesNotContain("Lê Thị Hồng Nhung", text);
        Assert.Equal(PageOrientationValues.Portrait, document.MainDocumentPart.Document.Body.Descendants<PageSize>().Single().Orient!.Value);
    }

    [Fact]
    public async Task Bad_critiques_are_refused_with_the_field_and_only_moderators_write()
    {
        var (id, _) = await app.Consultation();
        var moderator = await app.As("moderator");
        var empty = await moderator.PutAsJsonAsync($"/api/consultations/{id}/critique", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var stranger = await moderator.PutAsJsonAsync($"/api/consultations/{id}/critique",
            new { strengths = new[] { new { text = "Tốt.", itemIds = new[] { Guid.NewGuid() } } } });
        Assert.True((await stranger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("itemIds", out _));
        var noAddressee = await moderator.PutAsJsonAsync($"/api/consultations/{id}/critique",
            new { recommendations = new[] { new { text = "Sửa." } } });
        Assert.True((await noAddressee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("recommendations[0].addressee", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PutAsJsonAsync($"/api/consultations/{id}/critique",
            new { strengths = new[] { new { text = "Tốt." } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/consultations/{id}/critique.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/critique")).StatusCode);
    }
}
