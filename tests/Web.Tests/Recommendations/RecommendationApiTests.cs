using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Recommendations;

/// <summary>Recommendations over HTTP: api-v1.md's three routes and the moderators' and officials' ones (docs/critique.md).</summary>
public class RecommendationApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task An_anonymous_recommendation_is_routed_answered_and_published_and_only_moderators_know_its_author()
    {
        var id = await app.Recommend("expert1", "anonymous");
        var text = await (await app.As(null)).GetStringAsync("/api/recommendations");
        Assert.DoesNotContain("expert1", text, StringComparison.OrdinalIgnoreCase);
        var shown = (await app.Listed(null, id))!.Value;
        Assert.Equal(("Ẩn danh", "submitted", JsonValueKind.Null), (shown.GetProperty("author").GetString(), shown.GetProperty("status").GetString(), shown.GetProperty("writtenBy").ValueKind));
        Assert.DoesNotContain("expert1", await (await app.As("official")).GetStringAsync("/api/recommendations"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("expert1", (await app.Listed("moderator", id))!.Value.GetProperty("writtenBy").GetProperty("userName").GetString());

        var moderator = await app.As("moderator");
        var agency = await app.DemoAgency();
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agencyId = agency })).StatusCode);
        var routed = (await app.Listed(null, id))!.Value;
        Assert.Equal(("routed", DemoAgencies.AgencyName, agency, false),
            (routed.GetProperty("status").GetString(), routed.GetProperty("agency").GetString(), routed.GetProperty("agencyId").GetGuid(), routed.GetProperty("overdue").GetBoolean()));
        var due = routed.GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due, before.AddDays(30), DateTimeOffset.UtcNow.AddDays(30));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Không." })).StatusCode);
        var official = await app.As("official");
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Sở sẽ xây dựng kho dữ liệu trong năm 2027." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Lần hai." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agencyId = await app.Agency("Sở Tài chính") })).StatusCode);
        var answered = (await app.Listed(null, id))!.Value;
        Assert.Equal(("answered", "Sở sẽ xây dựng kho dữ liệu trong năm 2027."), (answered.GetProperty("status").GetString(), answered.GetProperty("answer").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "hide", reason = "Trùng lặp." })).StatusCode);
        Assert.Null(await app.Listed(null, id));
        Assert.Null(await app.Listed("expert1", id));
        var hidden = (await app.Listed("moderator", id))!.Value;
        Assert.Equal((true, "Trùng lặp."), (hidden.GetProperty("hidden").GetBoolean(), hidden.GetProperty("moderationReason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert2")).PostAsync($"/api/recommendations/{id}/support", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "restore", reason = "Đã xem lại." })).StatusCode);
        Assert.NotNull(await app.Listed(null, id));
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

        var id = await app.Recommend("expert2");
        var moderator = await app.As("moderator");
        foreach (var agencyId in new Guid?[] { null, Guid.NewGuid() })
        {
            var routing = await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agencyId });
            Assert.Equal(HttpStatusCode.BadRequest, routing.StatusCode);
            Assert.True((await routing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyId", out _));
        }
        var moderation = await moderator.PostAsJsonAsync($"/api/recommendations/{id}/moderation", new { action = "delete", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, moderation.StatusCode);
        Assert.Contains("action", await moderation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await (await app.As("official")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Chưa chuyển." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/routing", new { agencyId = await app.DemoAgency() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/recommendations/{Guid.NewGuid()}/support", null)).StatusCode);
        Assert.Equal(("submitted", false), ((await app.Listed(null, id))!.Value.GetProperty("status").GetString(), (await app.Listed(null, id))!.Value.GetProperty("hidden").GetBoolean()));
    }

    [Fact]
    public async Task Concurrent_supports_count_each_person_exactly_once()
    {
        var id = await app.Recommend("expert1", topic: "Quỹ nghiên cứu cho nhà khoa học trẻ");
        var supporters = new List<string>();
        for (var i = 0; i < 12; i++) supporters.Add(await app.Expert($"sup{i}-{id:N}"[..20]));
        var clients = await Task.WhenAll(supporters.Select(app.As));
        // Each person supports three times at once, all twelve together.
        var answers = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 3).Select(_ => c.PostAsync($"/api/recommendations/{id}/support", null))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var listed = (await app.Listed(supporters[0], id))!.Value;
        Assert.Equal((12, true), (listed.GetProperty("supports").GetInt32(), listed.GetProperty("supported").GetBoolean()));
        Assert.False((await app.Listed("expert2", id))!.Value.GetProperty("supported").GetBoolean());
        var again = await clients[0].PostAsync($"/api/recommendations/{id}/support", null);
        Assert.Equal(12, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
        var more = await (await app.As("expert2")).PostAsync($"/api/recommendations/{id}/support", null);
        Assert.Equal(13, (await more.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supports").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsync($"/api/recommendations/{id}/support", null)).StatusCode);
        Assert.Equal(13, (await app.Listed(null, id))!.Value.GetProperty("supports").GetInt32());
    }

    [Fact]
    public async Task Only_officials_of_the_agency_it_is_routed_to_answer_and_a_retired_agency_is_not_offered()
    {
        var id = await app.Recommend("expert1", topic: "Giao thông nông thôn");
        var transport = await app.Agency("Sở Giao thông Vận tải");
        var ours = await app.OfficialOf("canbo-gtvt", transport);
        var theirs = await app.OfficialOf("canbo-ytvt", await app.Agency("Sở Y tế Vĩnh Tường"));
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/recommendations/{id}/routing", new { agencyId = transport })).StatusCode);
        Assert.Equal("Sở Giao thông Vận tải", (await app.Listed(null, id))!.Value.GetProperty("agency").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(theirs)).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Không phải của chúng tôi." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Cũng không." })).StatusCode);
        Assert.Equal("routed", (await app.Listed(null, id))!.Value.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(ours)).PostAsJsonAsync($"/api/recommendations/{id}/answer", new { answer = "Sở sẽ làm đường năm 2027." })).StatusCode);
        Assert.Equal("answered", (await app.Listed(null, id))!.Value.GetProperty("status").GetString());

        var other = await app.Recommend("expert1", topic: "Cơ quan đã giải thể");
        var retired = await app.Agency("Ban Quản lý đã giải thể");
        (await (await app.As("admin")).PostAsync($"/api/agencies/{retired}/retire", null)).EnsureSuccessStatusCode();
        var refused = await moderator.PostAsJsonAsync($"/api/recommendations/{other}/routing", new { agencyId = retired });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyId", out _));
        Assert.Equal("submitted", (await app.Listed(null, other))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_status_and_field_and_a_bad_filter_is_a_400_naming_it()
    {
        var anonymous = await app.As(null);
        var health = await app.Recommend("expert1", topic: "Bệnh viện vệ tinh");
        var water = await (await app.As("expert2")).PostAsJsonAsync("/api/recommendations", new { topic = "Nước sạch nông thôn", fields = new[] { "Môi trường" }, text = "Cấp nước sạch cho các xã vùng cao.", attribution = "named" });
        Assert.Equal(HttpStatusCode.Created, water.StatusCode);
        var waterId = (await water.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await (await app.As("moderator")).PostAsJsonAsync($"/api/recommendations/{waterId}/routing", new { agencyId = await app.DemoAgency() })).EnsureSuccessStatusCode();

        async Task<IReadOnlyList<Guid>> Listed(string query) =>
            [.. ((await anonymous.GetFromJsonAsync<JsonElement[]>("/api/recommendations" + query)) ?? []).Select(r => r.GetProperty("id").GetGuid())];

        // Fields match with case and diacritics ignored.
        var byField = await Listed("?field=Y%20TE");
        Assert.Contains(health, byField);
        Assert.DoesNotContain(waterId, byField);
        var routed = await Listed("?status=routed");
        Assert.Contains(waterId, routed);
        Assert.DoesNotContain(health, routed);
        Assert.Equal([waterId], await Listed("?status=routed&field=m%C3%B4i%20tr%C6%B0%E1%BB%9Dng"));
        Assert.DoesNotContain(waterId, await Listed("?status=overdue"));
        Assert.Contains(health, await Listed("?status=submitted"));

        foreach (var (query, field) in new[] { ("?status=deleted", "status"), ("?field=" + new string('x', 101), "field") })
        {
            var bad = await anonymous.GetAsync("/api/recommendations" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
    }
}
