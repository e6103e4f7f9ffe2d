using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Nq45Consult.Web.Tests.Feedback;
using static Nq45Consult.Web.Tests.Cases.CaseReviewSteps;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>
/// The reviewers' formal reviews over HTTP (docs/critique.md "Reviews and the assembled report"): drafts only their writer
/// reads, one submission, the DOCX, and the critique report assembled from them.
/// </summary>
public class CaseReviewApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static object Review(string chapter, string? conclusion = "approve-with-amendments", string addressee = "UBND tỉnh") => new
    {
        chapters = new[] { new { anchor = chapter, text = "Phần này cần nêu rõ lộ trình." } },
        strengths = "Bố cục chặt chẽ, bám sát Nghị quyết.",
        shortcomings = "Chưa xác định nguồn kinh phí.",
        recommendations = new[] { new { addressee, text = "Bổ sung dự toán kinh phí theo năm." } },
        conclusion,
        conclusionText = "Đề nghị chỉnh sửa trước khi ban hành.",
    };

    private static async Task<IReadOnlyList<string>> ErrorFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    [Fact]
    public async Task A_reviewer_drafts_alone_submits_once_and_then_everyone_involved_reads_it_as_a_docx_while_outsiders_learn_nothing()
    {
        var (id, _, chapters) = await CaseWithReviewers(app, "Phản biện kế hoạch có nhận xét");
        var reviewer = await app.As("expert2");
        var reviews = $"/api/cases/{id}/reviews";

        Assert.Equal(["chapters[0].anchor"], await ErrorFields(await reviewer.PutAsJsonAsync($"{reviews}/mine", Review("khong-co-phan-nay"))));
        Assert.Equal(["conclusion"], await ErrorFields(await reviewer.PutAsJsonAsync($"{reviews}/mine", Review(chapters[0], conclusion: "maybe"))));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"{reviews}/mine/submit", null)).StatusCode);
        foreach (var who in new[] { "moderator", "official", "admin" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(who)).PutAsJsonAsync($"{reviews}/mine", Review(chapters[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PutAsJsonAsync($"{reviews}/mine", Review(chapters[0]))).StatusCode);

        var draft = await Ok(await reviewer.PutAsJsonAsync($"{reviews}/mine", Review(chapters[0], conclusion: null)));
        Assert.Equal(("draft", "first-reviewer"), (draft.GetProperty("status").GetString(), draft.GetProperty("role").GetString()));
        Assert.Equal(chapters, draft.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("anchor").GetString()!));
        Assert.Equal(["conclusion"], await ErrorFields(await reviewer.PostAsync($"{reviews}/mine/submit", null)));
        draft = await Ok(await reviewer.PutAsJsonAsync($"{reviews}/mine", Review(chapters[0])));
        var memberId = draft.GetProperty("memberId").GetGuid();

        // Only its writer reads a draft: not the other reviewer, the moderator, the agency nor the public.
        Assert.Single((await Ok(await reviewer.GetAsync(reviews))).EnumerateArray());
        foreach (var who in new[] { "expert3", "moderator", "official" })
        {
            Assert.Empty((await Ok(await (await app.As(who)).GetAsync(reviews))).EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).GetAsync($"{reviews}/{memberId}.docx")).StatusCode);
        }
        foreach (var outsider in new string?[] { null, "expert1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(outsider)).GetAsync(reviews)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(outsider)).GetAsync($"{reviews}/{memberId}.docx")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert1")).PutAsJsonAsync($"{reviews}/mine", Review(chapters[0]))).StatusCode);

        var submitted = await Ok(await reviewer.PostAsync($"{reviews}/mine/submit", null));
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"{reviews}/mine/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PutAsJsonAsync($"{reviews}/mine", Review(chapters[0]))).StatusCode);

        foreach (var who in new[] { "expert3", "moderator", "official", "admin" })
        {
            var listed = Assert.Single((await Ok(await (await app.As(who)).GetAsync(reviews))).EnumerateArray());
            Assert.Equal(("approve-with-amendments", "Chưa xác định nguồn kinh phí."), (listed.GetProperty("conclusion").GetString(), listed.GetProperty("shortcomings").GetString()));
        }
        var docx = await (await app.As("official")).GetAsync($"{reviews}/{memberId}.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        foreach (var expected in new[]
        {
            "BẢN NHẬN XÉT", "Về: Phản biện kế hoạch có nhận xét", "Vai trò trong hội đồng: phản biện 1", "Phần này cần nêu rõ lộ trình.",
            "II. ƯU ĐIỂM", "Bố cục chặt chẽ, bám sát Nghị quyết.", "1. Gửi UBND tỉnh: Bổ sung dự toán kinh phí theo năm.",
            "V. KẾT LUẬN", "Thông qua có chỉnh sửa.", "NGƯỜI NHẬN XÉT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("Bản nháp", text);
    }

    [Fact]
    public async Task Assembling_fills_the_consultations_critique_report_with_each_reviews_points_and_the_feedback()
    {
        var (id, consultation, chapters) = await CaseWithReviewers(app, "Phản biện kế hoạch để tổng hợp");
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/report/assemble", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync($"/api/cases/{id}/report/assemble", null)).StatusCode);

        var reviewer = await app.As("expert3");
        await Ok(await reviewer.PutAsJsonAsync($"/api/cases/{id}/reviews/mine", Review(chapters[^1], "reject", addressee: "Sở Tài chính")));
        await Ok(await reviewer.PostAsync($"/api/cases/{id}/reviews/mine/submit", null));
        var item = await app.Submitted(consultation, chapters[0]);
        await Ok(await moderator.PostAsync($"/api/cases/{id}/report/assemble", null));

        var report = await Ok(await moderator.GetAsync($"/api/consultations/{consultation}/critique"));
        var strengths = report.GetProperty("strengths").EnumerateArray().ToList();
        Assert.Contains(strengths, p => p.GetProperty("text").GetString()!.StartsWith("Bố cục chặt chẽ, bám sát Nghị quyết. (Theo nhận xét của ", StringComparison.Ordinal));
        var shortcomings = report.GetProperty("shortcomings").EnumerateArray().ToList();
        Assert.Contains(shortcomings, p => p.GetProperty("text").GetString()!.StartsWith("Chưa xác định nguồn kinh phí. (Theo nhận xét của ", StringComparison.Ordinal));
        Assert.Contains(shortcomings, p => p.GetProperty("itemIds").EnumerateArray().Select(i => i.GetGuid()).Contains(item));
        var recommendation = Assert.Single(report.GetProperty("recommendations").EnumerateArray());
        Assert.Equal("Sở Tài chính", recommendation.GetProperty("addressee").GetString());
        Assert.EndsWith("phản biện 2.)", recommendation.GetProperty("text").GetString());

        // The moderator then sends it as before; after that it is not assembled again.
        await Ok(await moderator.PostAsync($"/api/cases/{id}/report", null));
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/cases/{id}/report/assemble", null)).StatusCode);
    }
}
