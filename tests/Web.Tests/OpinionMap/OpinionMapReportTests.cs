using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.OpinionMap;

public class OpinionMapReportTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_critique_and_acceptance_reports_end_with_the_opinion_map_in_counts_only()
    {
        var (id, _) = await app.Consultation();
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/opinion-map", new { })).StatusCode);
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = "Cần lộ trình cụ thể cho từng năm." });
        var statement = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var expert in new[] { "expert1", "expert2" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.As(expert)).PostAsJsonAsync($"/api/statements/{statement}/vote", new { vote = "agree" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/opinion-map/recompute", null)).StatusCode);
        var body = new { strengths = new[] { new { text = "Mục tiêu phù hợp.", itemIds = Array.Empty<Guid>() } }, shortcomings = Array.Empty<object>(), recommendations = Array.Empty<object>() };
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{id}/critique", body)).StatusCode);

        var docx = await (await app.As("official")).GetAsync($"/api/consultations/{id}/critique.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BẢN ĐỒ Ý KIẾN\n2 người đã bỏ phiếu trên 1 nhận định", text);
        Assert.Contains("Đồng thuận giữa các nhóm", text);
        Assert.Contains("Chia rẽ giữa các nhóm", text);
        Assert.DoesNotContain("expert1", text);

        var report = await (await app.As("official")).GetAsync($"/api/consultations/{id}/report.docx");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var acceptance = WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false);
        var reportText = string.Join("\n", acceptance.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BẢN ĐỒ Ý KIẾN\n2 người đã bỏ phiếu trên 1 nhận định", reportText);
        Assert.DoesNotContain("expert2", reportText);
    }
}
