using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Chatting;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Consultation.Dialogue.Polling;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>A session's minutes over HTTP: generated from a real session's record, edited, finalised once, exported as DOCX.</summary>
public class MinutesApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static readonly Caller Moderator = Caller.Of("moderator", "Người điều hành", Role.Moderator);

    /// <summary>
    /// A critique conference held through the sessions' one writer (as the room's hub does): the chair greets the room,
    /// then at step 4 an expert asks, an official answers and the room votes 2 to 1.
    /// </summary>
    private async Task<Guid> HeldSession(HttpClient moderator)
    {
        var (consultation, _) = await app.Consultation();
        var scheduled = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions",
            new { title = "Hội nghị phản biện kế hoạch", startsAt = DateTimeOffset.UtcNow, agenda = "critique-conference" });
        scheduled.EnsureSuccessStatusCode();
        var session = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{session}/start", null)).EnsureSuccessStatusCode();
        var services = app.Services;
        async Task Accepted(Task<Nq45Consult.Consultation.Dialogue.DialogueOutcome> command) => Assert.True((await command).Decision.Accepted);
        var none = CancellationToken.None;
        await Accepted(services.GetRequiredService<SayMessageHandler>().Handle(new(session, Guid.NewGuid(), "Xin chào các đại biểu.", Moderator), none));
        for (var i = 0; i < 3; i++) await Accepted(services.GetRequiredService<MoveToNextAgendaStepHandler>().Handle(new(session, Moderator), none));
        var question = Guid.NewGuid();
        await Accepted(services.GetRequiredService<AskQuestionHandler>().Handle(
            new(session, question, "Nguồn kinh phí ở đâu?", null, Caller.Of("expert1", "TS. Nguyễn Văn A", Role.Expert)), none));
        await Accepted(services.GetRequiredService<AnswerQuestionHandler>().Handle(
            new(session, question, "Từ ngân sách tỉnh.", Caller.Of("official", "Sở KH&CN", Role.Official)), none));
        var poll = Guid.NewGuid();
        await Accepted(services.GetRequiredService<OpenPollHandler>().Handle(new(session, poll, "Tán thành dự thảo?", ["Có", "Không"], false, Moderator), none));
        foreach (var (voter, option) in new[] { ("expert1", 0), ("expert2", 0), ("expert3", 1) })
            await Accepted(services.GetRequiredService<CastVoteHandler>().Handle(new(session, poll, option, Caller.Of(voter, voter, Role.Expert)), none));
        await Accepted(services.GetRequiredService<ClosePollHandler>().Handle(new(session, poll, Moderator), none));
        return session;
    }

    [Fact]
    public async Task Minutes_are_generated_from_the_session_edited_finalised_once_and_exported_in_the_administrative_form()
    {
        var moderator = await app.As("moderator");
        var session = await HeldSession(moderator);
        var minutesPath = $"/api/sessions/{session}/minutes";
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync(minutesPath, null)).StatusCode);
        (await moderator.PostAsync($"/api/sessions/{session}/end", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync(minutesPath)).StatusCode);

        var generated = await moderator.PostAsync(minutesPath, null);
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        var draft = await generated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var steps = draft.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Equal(7, steps.Count);
        Assert.Contains("Xin chào các đại biểu.", steps[0]);
        Assert.Contains("Nguồn kinh phí ở đâu?\nTrả lời (Sở KH&CN): Từ ngân sách tỉnh.", steps[3]);
        Assert.Contains("Biểu quyết \"Tán thành dự thảo?\" (3 người bỏ phiếu): Có: 2 phiếu; Không: 1 phiếu.", steps[3]);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync(minutesPath, null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await (await app.As("official")).GetAsync(minutesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync(minutesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PutAsJsonAsync(minutesPath, new { chair = "X" })).StatusCode);

        var bad = await moderator.PutAsJsonAsync(minutesPath, new { participants = -1, steps = new[] { "một đoạn" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("participants", out _) && errors.TryGetProperty("steps", out _), errors.ToString());

        steps[5] = "Chủ trì kết luận: tán thành, đề nghị bổ sung nguồn lực.";
        var edited = await moderator.PutAsJsonAsync(minutesPath, new
        {
            chair = "GS.TS. Lê Văn Chủ", secretary = "ThS. Phạm Thư Ký", steps, conclusions = "Hội nghị tán thành dự thảo, đề nghị bổ sung phụ lục kinh phí.",
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("GS.TS. Lê Văn Chủ", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chair").GetString());

        var finalised = await moderator.PostAsync($"{minutesPath}/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        Assert.Equal("final", (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"{minutesPath}/finalise", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PutAsJsonAsync(minutesPath, new { chair = "Người khác" })).StatusCode);

        var docx = await (await app.As("official")).GetAsync($"{minutesPath}.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("BIÊN BẢN PHIÊN ĐỐI THOẠI\nVề: Hội nghị phản biện kế hoạch", text);
        Assert.Contains("4. Đại biểu thảo luận\nCâu hỏi của TS. Nguyễn Văn A", text);
        Assert.Contains("Biểu quyết \"Tán thành dự thảo?\" (3 người bỏ phiếu): Có: 2 phiếu; Không: 1 phiếu.", text);
        Assert.Contains("KẾT LUẬN\nHội nghị tán thành dự thảo, đề nghị bổ sung phụ lục kinh phí.", text);
        Assert.Contains("THƯ KÝ", text);
        Assert.Contains("GS.TS. Lê Văn Chủ", text);
        Assert.DoesNotContain("Bản nháp", text);
        Assert.DoesNotContain("expert3", text);
        Assert.Equal(PageOrientationValues.Portrait, document.MainDocumentPart.Document.Body.Descendants<PageSize>().Single().Orient!.Value);
    }

    [Fact]
    public async Task Minutes_of_an_unknown_session_are_not_found_and_anonymous_callers_are_refused()
    {
        var unknown = $"/api/sessions/{Guid.NewGuid()}/minutes";
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).PostAsync(unknown, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("official")).GetAsync($"{unknown}.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync(unknown)).StatusCode);
    }
}
