using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nq45Consult.TestSupport.Attachments;
using Nq45Consult.Web.Tests.Feedback;
using static Nq45Consult.Web.Tests.Cases.CaseSteps;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>
/// What belongs to a case over HTTP: the request's documents (attached by the agency's officials and moderators, read by
/// whoever sees the case, withdrawn without being deleted) and its council meeting's minutes (written by the council's
/// secretary, read by those who follow the case, unknown to anyone else); the timeline in the issue's order.
/// </summary>
public class CaseDocumentsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<JsonElement> Case(string? who, Guid id) => await Json(await (await app.As(who)).GetAsync($"/api/cases/{id}"));

    private static JsonElement Step(JsonElement c, string step) =>
        c.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("at");

    [Fact]
    public async Task The_agency_and_the_Union_attach_the_requests_documents_which_whoever_sees_the_case_downloads_and_no_one_else_finds()
    {
        var stranger = await Account(app, "can.bo.tai.lieu", Role.Official);
        var outsider = await app.Expert("chuyen.gia.ngoai.hs");
        var (id, _) = await Accepted(app, "Hồ sơ có tài liệu");
        await Seated(app, id, "expert2", "member");
        var uploads = $"/api/cases/{id}/attachments";
        var pdf = SampleFiles.Pdf("Cong van de nghi");
        var docx = SampleFiles.Docx("Dự thảo kèm theo công văn");

        var letter = await Attach(await app.As("official"), uploads, pdf, "Công văn đề nghị.pdf");
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Attach(await app.As("moderator"), uploads, docx, "du-thao.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Attach(await app.As("expert2"), uploads, pdf, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Attach(await app.As("admin"), uploads, pdf, "a.pdf")).StatusCode);
        foreach (var who in new[] { outsider, stranger })
            Assert.Equal(HttpStatusCode.NotFound, (await Attach(await app.As(who), uploads, pdf, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Attach(await app.As(null), uploads, pdf, "a.pdf")).StatusCode);
        var html = await Attach(await app.As("official"), uploads, SampleFiles.Html(), "cong-van.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.True((await html.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));

        var files = (await Case("expert2", id)).GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(
            [("Công văn đề nghị.pdf", "application/pdf", pdf.Length), ("du-thao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Length)],
            files.Select(f => (f.GetProperty("fileName").GetString(), f.GetProperty("contentType").GetString(), f.GetProperty("size").GetInt32())));
        var url = files[0].GetProperty("url").GetString()!;
        var download = await (await app.As("expert2")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Công văn đề nghị.pdf"), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(docx, await (await app.As("official")).GetByteArrayAsync(files[1].GetProperty("url").GetString()));
        foreach (var who in new[] { null, outsider, stranger })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).GetAsync(url)).StatusCode);

        var withdrawal = $"/api/attachments/{files[0].GetProperty("id").GetGuid()}/withdrawal";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync(withdrawal, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(stranger)).PostAsync(withdrawal, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("official")).PostAsync(withdrawal, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).GetAsync(url)).StatusCode);
        Assert.Equal(["du-thao.docx"], (await Case("official", id)).GetProperty("attachments").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task A_declined_request_takes_no_more_documents()
    {
        var moderator = await app.As("moderator");
        var agency = (await Json(await moderator.GetAsync("/api/agencies"))).EnumerateArray()
            .First(a => a.GetProperty("name").GetString() == "Ban Tuyên giáo Tỉnh ủy").GetProperty("id").GetGuid();
        var id = (await Json(await moderator.PostAsJsonAsync("/api/cases",
            new { kind = "advice", subject = "Tư vấn ngoài phạm vi", dueAt = DateTimeOffset.UtcNow.AddDays(20), agencyId = agency }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await Attach(moderator, $"/api/cases/{id}/attachments", SampleFiles.Pdf(), "cong-van-giay.pdf")).StatusCode);
        (await moderator.PostAsJsonAsync($"/api/cases/{id}/decline", new { reason = "Ngoài phạm vi." })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await Attach(await app.As("official"), $"/api/cases/{id}/attachments", SampleFiles.Pdf(), "bo-sung.pdf")).StatusCode);
        Assert.Equal(["cong-van-giay.pdf"], (await Case("official", id)).GetProperty("attachments").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task The_councils_secretary_writes_the_minutes_of_the_cases_meeting_which_those_who_follow_the_case_read_and_others_do_not_find()
    {
        var stranger = await Account(app, "can.bo.bien.ban", Role.Official);
        var outsider = await app.Expert("chuyen.gia.ngoai.bb");
        var (id, consultation) = await Accepted(app, "Phản biện có biên bản");
        await Seated(app, id, "expert3", "chair");
        await Seated(app, id, "expert1", "secretary");
        await Seated(app, id, "expert2", "member");
        var session = await HeldMeeting(app, id, consultation);

        var held = await Case("official", id);
        Assert.Equal(["requested", "accepted", "council-formed", "consultation-open", "reviews-submitted", "council-meeting", "report-sent", "answer-received"],
            held.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        foreach (var reached in new[] { "requested", "accepted", "consultation-open", "council-meeting" })
            Assert.Equal(JsonValueKind.String, Step(held, reached).ValueKind);
        foreach (var ahead in new[] { "council-formed", "reviews-submitted", "report-sent", "answer-received" })
            Assert.Equal(JsonValueKind.Null, Step(held, ahead).ValueKind);
        Assert.True(Step(held, "requested").GetDateTimeOffset() <= Step(held, "accepted").GetDateTimeOffset());
        Assert.Equal(held.GetProperty("meeting").GetProperty("startedAt").GetDateTimeOffset(), Step(held, "council-meeting").GetDateTimeOffset());
        var seats = held.GetProperty("council").EnumerateArray().ToDictionary(s => s.GetProperty("role").GetString()!, s => s.GetProperty("fullName").GetString()!);

        var minutes = $"/api/sessions/{session}/minutes";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync(minutes, null)).StatusCode);
        foreach (var who in new[] { outsider, stranger })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).PostAsync(minutes, null)).StatusCode);
        var generated = await (await app.As("expert1")).PostAsync(minutes, null);
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        var draft = await generated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("BIÊN BẢN HỌP HỘI ĐỒNG PHẢN BIỆN", "Phản biện có biên bản", seats["chair"], seats["secretary"]),
            (draft.GetProperty("heading").GetString(), draft.GetProperty("subject").GetString(), draft.GetProperty("chair").GetString(), draft.GetProperty("secretary").GetString()));

        foreach (var reader in new[] { "expert2", "expert3", "official", "moderator" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.As(reader)).GetAsync(minutes)).StatusCode);
        foreach (var who in new[] { outsider, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).GetAsync(minutes)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).PutAsJsonAsync(minutes, new { conclusions = "X" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(who)).GetAsync($"{minutes}.docx")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PutAsJsonAsync(minutes, new { conclusions = "Thành viên tự kết luận." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PutAsJsonAsync(minutes, new { conclusions = "Cơ quan tự kết luận." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsync($"{minutes}/finalise", null)).StatusCode);

        var secretary = await app.As("expert1");
        var edited = await secretary.PutAsJsonAsync(minutes, new { conclusions = "Hội đồng tán thành dự thảo, đề nghị bổ sung lộ trình." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var finalised = await secretary.PostAsync($"{minutes}/finalise", null);
        Assert.Equal("final", (await Json(finalised)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync(minutes, new { conclusions = "Sửa sau khi chốt." })).StatusCode);

        var docx = await (await app.As("expert2")).GetAsync($"{minutes}.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BIÊN BẢN HỌP HỘI ĐỒNG PHẢN BIỆN\nVề: Phản biện có biên bản", text);
        Assert.Contains($"Thư ký: {seats["secretary"]}.", text);
        Assert.Contains("KẾT LUẬN\nHội đồng tán thành dự thảo, đề nghị bổ sung lộ trình.", text);
    }
}
