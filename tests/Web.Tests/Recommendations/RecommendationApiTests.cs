using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>Recommendations over HTTP: api-v1.md's three routes and the moderators' and officials' ones (docs/critique.md).</summary>
public class RecommendationApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<Guid> Submitted(string expert, string attribution = "named", string topic = "Kho dữ liệu y tế dùng chung")
    {
        var response = await (await app.As(expert)).PostAsJsonAsync("/api/recommendations", new { topic, fields = new[] { "y tế" }, text = "Cần một kho dữ liệu chung cho các bệnh viện.", attribution });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement?> Listed(string? who, Guid id)
    {
        var list = await (await app.As(who)).GetFromJsonAsync<JsonElement[]>("/api/recommendations") ?? [];
        return list.Where(r => r.GetProperty("id").GetGuid() == id).Select(r => (JsonElement?)r).SingleOrDefault();
    }

    [Fact]
    public async Task An_anonymous_recommendation_is_routed_answered_and_published_and_only_moderators_know_its_author()
    {
        var id = await Submitted("expert1", "anonymous");
        var text = await (await app.As(null)).GetStringAsync("/api/recommendations");
        Assert.DoesNotContain("expert1", text, StringComparison.OrdinalIgnoreCase);
        var shown = (await Listed(null, id))!.Value;
        Assert.Equal(("Ẩn danh", "submitted", JsonValueKind.Null), (shown.GetProperty("author").GetString(), shown.GetProperty("status").GetString(), shown.GetProperty("writtenBy").ValueKind));
        Assert.DoesNotContain("expert1", await (await app.As("official")).GetStringAsync("/api/recommendations"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("expert1", (await Listed("moderator", id))!.Value.GetProperty("writtenBy").GetProperty("userName").GetString());

        var moderator = await app.As("moderator");
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agency = "Sở Y tế" })).StatusCode);
        var routed = (await Listed(null, id))!.Value;
        Assert.Equal(("routed", "Sở Y tế", false), (routed.GetProperty("status").GetString(), routed.GetProperty("agency").GetString(), routed.GetProperty("overdue").GetBoolean()));
        var due = routed.GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due, before.AddDays(30), DateTimeOffset.UtcNow.AddDays(30));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Không." })).StatusCode);
        var official = await app.As("official");
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Sở sẽ xây dựng kho dữ liệu trong năm 2027." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Lần hai." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agency = "Sở Tài chính" })).StatusCode);
        var answered = (await Listed(null, id))!.Value;
        Assert.Equal(("answered", "Sở sẽ xây dựng kho dữ liệu trong năm 2027."), (answered.GetProperty("status").GetString(), answered.GetProperty("answer").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "hide", reason = "Trùng lặp." })).StatusCode);
        Assert.Null(await Listed(null, id));
        Assert.Null(await Listed("expert1", id));
        var hidden = (await Listed("moderator", id))!.Value;
        Assert.Equal((true, "Trùng lặp."), (hidden.GetProperty("hidden").GetBoolean(), hidden.GetProperty("moderationReason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert2")).PostAsync($"/api/recommendations/{id}/support", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "restore", reason = "Đã xem lại." })).StatusCode);
        Assert.NotNull(await Listed(null, id));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_changes_nothing()
    {
        var expert = await app.As("expert2");
        var before = (await (await app.As("moderator")).GetFromJsonAsync<JsonElement[]>("/api/recommendations"))!.Length;
        var empty = await expert.PostAsJsonAsync("/api/recommendations", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["attribution", "text", "topic"], errors.EnumerateObject().Select(e => e.Name).Order());
        var fields = await expert.PostAsJsonAsync("/api/recommendations", new { topic = "T", fields = new[] { "" }, text = "X", attribution = "named" });
        Assert.Equal(HttpStatusCode.BadRequest, fields.StatusCode);
        Assert.True((await fields.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fields", out _));
        Assert.Equal(before, (await (await app.As("moderator")).GetFromJsonAsync<JsonElement[]>("/api/recommendations"))!.Length);

        var id = await Submitted("expert2");
        var moderator = await app.As("moderator");
        var routing = await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agency = " " });
        Assert.Equal(HttpStatusCode.BadRequest, routing.StatusCode);
        Assert.Contains("agency", await routing.Content.ReadAsStringAsync());
        var moderation = await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "delete", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, moderation.StatusCode);
        Assert.Contains("action", await moderation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await (await app.As("official")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Chưa chuyển." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/routing", new { agency = "Sở Y tế" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/recommendations/{Guid.NewGuid()}/support", null)).StatusCode);
        Assert.Equal(("submitted", false), ((await Listed(null, id))!.Value.GetProperty("status").GetString(), (await Listed(null, id))!.Value.GetProperty("hidden").GetBoolean()));
    }

    [Fact]
    public async Task Concurrent_supports_count_each_person_exactly_once()
    {
        var id = await Submitted("expert1", topic: "Quỹ nghiên cứu cho nhà khoa học trẻ");
        var supporters = new List<string>();
        for (var i = 0; i < 12; i++) supporters.Add(await app.Expert($"sup{i}-{id:N}"[..20]));
        var clients = await Task.WhenAll(supporters.Select(app.As));
        // Each person supports three times at once, all twelve together.
        var answers = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 3).Select(_ => c.PostAsync($"/api/recommendations/{id}/support", null))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var listed = (await Listed(supporters[0], id))!.Value;
        Assert.Equal((12, true), (listed.GetProperty("supports").GetInt32(), listed.GetProperty("supported").GetBoolean()));
        Assert.False((await Listed("expert2", id))!.Value.GetProperty("supported").GetBoolean());
        var again = await clients[0].PostAsync($"/api/recommendations/{id}/support", null);
        Assert.Equal(12, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
        var more = await (await app.As("expert2")).PostAsync($"/api/recommendations/{id}/support", null);
        Assert.Equal(13, (await more.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsync($"/api/recommendations/{id}/support", null)).StatusCode);
        Assert.Equal(13, (await Listed(null, id))!.Value.GetProperty("supports").GetInt32());
    }
}
