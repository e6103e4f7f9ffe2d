using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Nq45Consult.Web.Dialogue;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The hub over real WebSockets (Kestrel on loopback) with bearer tokens of the demo accounts.</summary>
public class DialogueHubTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    private async Task<RoomClient> In(Guid session, string user) => await RoomClient.Join(await app.Connect(user), session);

    private static async Task<string> Refused(Task call) => (await Assert.ThrowsAsync<HubException>(() => call)).Message;

    [Fact]
    public async Task Every_participant_method_reaches_the_other_clients()
    {
        var session = await app.ASession(agenda: "critique-conference");
        await using var moderator = await In(session, "moderator");
        await using var expert = await In(session, "expert1");
        await using var watcher = await In(session, "expert2");

        await expert.Invoke("AskAbout", "Mục 3 áp dụng từ khi nào?", "muc-3");
        var question = (await Eventually(() => watcher.Questions.Keys)).Single();
        await watcher.Invoke("Upvote", question);
        await expert.Invoke("Say", "Xin chào cả phòng");
        await moderator.Invoke("OpenPoll", "Đồng ý kéo dài?", new[] { "Có", "Không" }, false);
        var poll = (await Eventually(() => expert.Polls.Keys)).Single();
        await expert.Invoke("Vote", poll, 1);
        await moderator.Invoke("Answer", question, "Từ 1/1/2027.");
        await moderator.Invoke("Pin", question);
        await moderator.Invoke("NextAgendaStep");
        var message = (await Eventually(() => moderator.Messages.Keys)).Single();
        await moderator.Invoke("HideMessage", message, "Thử ẩn");
        var last = await moderator.Invoke("ClosePoll", poll);

        await watcher.Reached(last);
        var seen = watcher.Questions[question].Question;
        Assert.Equal(("muc-3", 1, "Từ 1/1/2027."), (seen.SectionAnchor, seen.Votes, seen.Answer));
        Assert.Equal([0, 1], watcher.Polls[poll].Poll.Counts);
        Assert.False(watcher.Polls[poll].Poll.Open);
        Assert.True(watcher.Messages[message].Hidden);
        Assert.Null(watcher.Messages[message].Text);
        Assert.Contains(watcher.Received, e => e.Type == ClientEvents.Pinned && e.PinnedQuestionId == question);
        Assert.Contains(watcher.Received, e => e.Type == ClientEvents.AgendaChanged && e.AgendaStep == 1);
        Assert.Equal(3, (await Eventually(() => watcher.Received.Where(e => e.Participants == 3))).First().Participants);
    }

    [Fact]
    public async Task Two_clients_see_each_others_actions_in_the_same_order()
    {
        var session = await app.ASession();
        await using var a = await In(session, "expert1");
        await using var b = await In(session, "expert2");
        var asks = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).Invoke("Ask", $"Câu {i}"));
        var says = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? b : a).Invoke("Say", $"Tin {i}"));
        var seqs = await Task.WhenAll(asks.Concat(says));
        await a.Reached(seqs.Max());
        await b.Reached(seqs.Max());
        long[] Order(RoomClient c) => [.. c.Received.Where(e => e.Type is ClientEvents.QuestionAsked or ClientEvents.Message).Select(e => e.Seq)];
        Assert.Equal(20, Order(a).Length);
        Assert.Equal(Order(a), Order(b));
        Assert.Equal(Order(a).Order(), Order(a));
        Assert.Equal(a.Picture(), b.Picture());
    }

    [Fact]
    public async Task A_client_that_missed_ten_events_resyncs_to_the_same_state_and_the_transcript_matches()
    {
        var session = await app.ASession();
        await using var stayer = await In(session, "expert1");
        var leaver = await In(session, "expert2");
        await stayer.Invoke("Ask", "Câu hỏi trước khi rời");
        await using var moderator = await In(session, "moderator");
        var opened = await moderator.Invoke("OpenPoll", "Phương án nào?", new[] { "A", "B", "C" }, true);
        await leaver.Reached(opened);
        await stayer.Reached(opened);
        await leaver.Connection.StopAsync();

        var question = stayer.Questions.Keys.Single();
        var poll = stayer.Polls.Keys.Single();
        long last = 0;
        for (var i = 0; i < 3; i++) last = await stayer.Invoke("Say", $"Trong lúc vắng {i}");
        last = await stayer.Invoke("Upvote", question);
        last = await moderator.Invoke("Upvote", question);
        last = await stayer.Invoke("Vote", poll, 0);
        last = await stayer.Invoke("Vote", poll, 2);
        last = await moderator.Invoke("Answer", question, "Đã trả lời khi bạn vắng");
        last = await moderator.Invoke("Ask", "Câu của người điều hành");
        last = await moderator.Invoke("ClosePoll", poll);
        await stayer.Reached(last);

        await leaver.Connection.StartAsync();
        var before = leaver.Seq;
        await leaver.Resync();
        Assert.Equal(10, last - before);
        Assert.Equal(last, leaver.Seq);
        Assert.Equal(stayer.Picture(), leaver.Picture());
        await leaver.Resync();
        Assert.Equal(stayer.Picture(), leaver.Picture());

        var transcript = await app.Transcript(session);
        Assert.Equal(
            stayer.Questions.Values.Select(v => v.Question).Where(q => q.State == "visible").OrderBy(q => q.AskedSeq).Select(q => ((string?)q.Text, q.Votes, q.Answer)),
            transcript.GetProperty("questions").EnumerateArray().Select(q => (q.GetProperty("text").GetString(), q.GetProperty("votes").GetInt32(), q.GetProperty("answer").GetString())));
        Assert.Equal(stayer.Polls[poll].Poll.Counts, transcript.GetProperty("polls")[0].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(stayer.Messages.Values.OrderBy(m => m.Seq).Select(m => m.Text),
            transcript.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        await leaver.DisposeAsync();
    }

    [Fact]
    public async Task With_pre_moderation_a_question_reaches_only_its_asker_and_moderators_until_approved()
    {
        var session = await app.ASession(preModeration: true);
        await using var moderator = await In(session, "moderator");
        await using var asker = await In(session, "expert1");
        await using var other = await In(session, "expert2");
        var asked = await asker.Invoke("Ask", "Câu chờ duyệt");
        await moderator.Reached(asked);
        var question = moderator.Questions.Keys.Single();
        Assert.Equal("pending", moderator.Questions[question].Question.State);
        Assert.Equal("pending", (await Eventually(() => asker.Questions.Values)).Single().Question.State);
        var said = await moderator.Invoke("Say", "mốc");
        await other.Reached(said);
        Assert.Empty(other.Questions);
        Assert.DoesNotContain(await other.Connection.InvokeAsync<List<ClientEvent>>("Resync", session, 0L), e => e.Question is not null);
        Assert.Empty((await RoomClient.Join(await app.Connect("expert3"), session)).Questions);

        var approved = await moderator.Invoke("Approve", question);
        await other.Reached(approved);
        Assert.Equal("visible", other.Questions[question].Question.State);
    }

    [Fact]
    public async Task An_expert_calling_a_moderator_method_gets_a_clear_refusal()
    {
        var session = await app.ASession(agenda: "critique-conference");
        await using var expert = await In(session, "expert1");
        await expert.Invoke("Ask", "Câu hỏi");
        await expert.Invoke("Say", "Tin");
        var q = (await Eventually(() => expert.Questions.Keys)).Single();
        var m = (await Eventually(() => expert.Messages.Keys)).Single();
        foreach (var call in new[]
        {
            expert.Invoke("Approve", q), expert.Invoke("Reject", q, "lý do"), expert.Invoke("Answer", q, "đáp"), expert.Invoke("Pin", q),
            expert.Invoke("OpenPoll", "?", new[] { "a", "b" }, false), expert.Invoke("ClosePoll", Guid.NewGuid()),
            expert.Invoke("HideMessage", m, "lý do"), expert.Invoke("NextAgendaStep"),
        })
        {
            Assert.Contains("người điều hành", await Refused(call));
        }
    }

    [Fact]
    public async Task Bad_input_unknown_things_closed_polls_and_ended_sessions_are_refused_and_nothing_is_stored()
    {
        var session = await app.ASession();
        await using var moderator = await In(session, "moderator");
        await using var expert = await In(session, "expert1");
        var before = expert.Seq;
        Assert.Contains("trống", await Refused(expert.Invoke("Ask", "   ")));
        Assert.Contains("dài quá", await Refused(expert.Invoke("Say", new string('x', 301))));
        Assert.Contains("câu hỏi", await Refused(expert.Invoke("Upvote", Guid.NewGuid())));
        Assert.Contains("Không tìm thấy phiên", await Refused(expert.Connection.InvokeAsync<SessionSnapshot>("Join", Guid.NewGuid())));
        Assert.Contains("Join", await Refused(expert.Connection.InvokeAsync<long>("Say", Guid.NewGuid(), "chào")));
        var poll = await moderator.Invoke("OpenPoll", "Đóng rồi?", new[] { "a", "b" }, false);
        var pollId = (await Eventually(() => expert.Polls.Keys)).Single();
        await moderator.Invoke("ClosePoll", pollId);
        Assert.Contains("đã đóng", await Refused(expert.Invoke("Vote", pollId, 0)));
        var seq = (await app.Transcript(session)).GetProperty("seq").GetInt64();
        Assert.Equal(before + 2, seq);

        (await (await app.HttpAs("moderator")).PostAsync($"/api/sessions/{session}/end", null)).EnsureSuccessStatusCode();
        await expert.Reached(seq + 1);
        Assert.Equal("ended", expert.Status);
        Assert.Contains("kết thúc", await Refused(expert.Invoke("Ask", "Muộn")));
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_connection()
    {
        var session = await app.ASession();
        var expert = await In(session, "expert1");
        var closed = new TaskCompletionSource();
        expert.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        _ = expert.Invoke("Say", new string('x', 20_000)).ContinueWith(_ => { });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await expert.DisposeAsync();
    }

    [Fact]
    public async Task Who_may_join_follows_the_consultations_audience()
    {
        var consultation = await app.AConsultation("expert1");
        var session = await app.ASession(consultation: consultation);
        await using var invited = await In(session, "expert1");
        await using var official = await In(session, "official");
        var outsider = await app.Connect("expert2");
        Assert.Contains("không thuộc danh sách", await Refused(outsider.InvokeAsync<SessionSnapshot>("Join", session)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.HttpAs("expert2")).GetAsync($"/api/sessions/{session}/transcript")).StatusCode);
        await outsider.DisposeAsync();
    }

    [Fact]
    public async Task The_session_api_checks_roles_input_and_transitions()
    {
        var consultation = await app.AConsultation();
        var body = new { title = "Phiên", startsAt = DateTimeOffset.UtcNow };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.HttpAs("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/sessions", body)).StatusCode);
        var moderator = await app.HttpAs("moderator");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/sessions", body)).StatusCode);
        var bad = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title = "", startsAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/sessions/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/sessions/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/sessions/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync($"/api/sessions/{Guid.NewGuid()}/start", null)).StatusCode);
    }

    private static async Task<IReadOnlyList<T>> Eventually<T>(Func<IEnumerable<T>> read)
    {
        for (var i = 0; i < 500; i++)
        {
            var items = read().ToList();
            if (items.Count > 0) return items;
            await Task.Delay(10);
        }
        throw new TimeoutException("Nothing arrived.");
    }
}
