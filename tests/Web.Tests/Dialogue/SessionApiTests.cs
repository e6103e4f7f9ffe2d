using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>The session read API: details, the list per consultation, custom agendas, the moderators' transcript.</summary>
public class SessionApiTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    private async Task<RoomClient> In(Guid session, string user) => await RoomClient.Join(await app.Connect(user), session);

    [Fact]
    public async Task A_session_with_its_own_agenda_is_read_back_with_where_it_stands()
    {
        var consultation = await app.AConsultation();
        var moderator = await app.HttpAs("moderator");
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions",
            new { title = "Tọa đàm", startsAt = DateTimeOffset.UtcNow, agendaSteps = new[] { " Khai mạc ", "Thảo luận", "Bế mạc" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{id}/start", null)).EnsureSuccessStatusCode();
        await using var expert = await In(id, "expert1");
        await expert.Invoke("Ask", "Câu hỏi một");

        var details = await (await app.HttpAs("expert2")).GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        Assert.Equal(["Khai mạc", "Thảo luận", "Bế mạc"], details.GetProperty("agenda").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("live", 0, 1, 3L), (details.GetProperty("status").GetString(), details.GetProperty("agendaStep").GetInt32(),
            details.GetProperty("questions").GetInt32(), details.GetProperty("seq").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/sessions/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_template_and_own_steps_together_or_an_empty_step_are_refused_naming_the_field()
    {
        var consultation = await app.AConsultation();
        var moderator = await app.HttpAs("moderator");
        foreach (var body in new object[]
        {
            new { title = "Phiên", startsAt = DateTimeOffset.UtcNow, agenda = "critique-conference", agendaSteps = new[] { "Một" } },
            new { title = "Phiên", startsAt = DateTimeOffset.UtcNow, agendaSteps = new[] { "Một", " " } },
            new { title = "Phiên", startsAt = DateTimeOffset.UtcNow, agendaSteps = Array.Empty<string>() },
        })
        {
            var refused = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agendaSteps", out _));
        }
        Assert.Empty(await moderator.GetFromJsonAsync<JsonElement[]>($"/api/consultations/{consultation}/sessions") ?? []);
    }

    [Fact]
    public async Task The_sessions_of_a_consultation_are_listed_soonest_first_with_their_status_for_those_who_may_join()
    {
        var consultation = await app.AConsultation("expert1");
        var moderator = await app.HttpAs("moderator");
        var later = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions",
            new { title = "Phiên sau", startsAt = DateTimeOffset.UtcNow.AddDays(2) });
        later.EnsureSuccessStatusCode();
        var live = await app.ASession(consultation: consultation);

        var listed = await (await app.HttpAs("expert1")).GetFromJsonAsync<JsonElement[]>($"/api/consultations/{consultation}/sessions");
        Assert.Equal([(live, "live"), ((await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), "scheduled")],
            listed!.Select(s => (s.GetProperty("id").GetGuid(), s.GetProperty("status").GetString())));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.HttpAs("expert2")).GetAsync($"/api/consultations/{consultation}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.HttpAs("expert2")).GetAsync($"/api/sessions/{live}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/consultations/{Guid.NewGuid()}/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_moderators_transcript_keeps_rejected_questions_with_the_reason_and_others_do_not_see_them()
    {
        var session = await app.ASession();
        await using var moderator = await In(session, "moderator");
        await using var expert = await In(session, "expert1");
        await expert.Invoke("Ask", "Câu được giữ");
        var asked = await expert.Invoke("Ask", "Câu lạc đề");
        await moderator.Reached(asked);
        var offTopic = moderator.Questions.Values.Single(q => q.Question.Text == "Câu lạc đề").Question.Id;
        await moderator.Invoke("Reject", offTopic, "Không thuộc phạm vi dự thảo");

        var forModerators = (await app.Transcript(session, "moderator")).GetProperty("questions").EnumerateArray()
            .Select(q => (q.GetProperty("text").GetString(), q.GetProperty("state").GetString(), q.GetProperty("rejectionReason").GetString()));
        Assert.Equal([("Câu được giữ", "visible", null), ("Câu lạc đề", "rejected", "Không thuộc phạm vi dự thảo")], forModerators);
        var forExperts = (await app.Transcript(session, "expert2")).GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString());
        Assert.Equal(["Câu được giữ"], forExperts);
    }
}
