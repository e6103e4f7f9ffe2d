using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>Saved registry filters, inviting by them and to a live session, and moderators' view of invited vs. responded.</summary>
public sealed class InvitationTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_saved_filter_is_named_refused_when_empty_or_taken_and_invites_whoever_matches()
    {
        var moderator = await app.As("moderator");
        var empty = await moderator.PostAsJsonAsync("/api/experts/filters", new { name = "Tất cả" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("filter", out _));
        var badDegree = await moderator.PostAsJsonAsync("/api/experts/filters", new { name = "Sai", degree = "giỏi" });
        Assert.True((await badDegree.JsonAsync()).GetProperty("errors").TryGetProperty("degree", out _));
        var noName = await moderator.PostAsJsonAsync("/api/experts/filters", new { name = " ", field = "y tế" });
        Assert.True((await noName.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));

        var saved = await moderator.PostAsJsonAsync("/api/experts/filters", new { name = "Tiến sĩ y tế", field = "y tế", degree = "TS" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var filter = await saved.JsonAsync();
        Assert.Equal("ts", filter.GetProperty("degree").GetString());
        var taken = await moderator.PostAsJsonAsync("/api/experts/filters", new { name = "tien si Y TE", q = "nhung" });
        Assert.True((await taken.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Contains((await moderator.GetFromJsonAsync<JsonElement>("/api/experts/filters")).EnumerateArray(),
            f => f.GetProperty("name").GetString() == "Tiến sĩ y tế");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync("/api/experts/filters")).StatusCode);

        var (id, _) = await app.Consultation(audience: "invited");
        var unknown = await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { savedFilters = new[] { "Không có" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("savedFilters", out _));

        (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { savedFilters = new[] { "tien si y te" } })).EnsureSuccessStatusCode();
        var invited = (await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/invitations")).GetProperty("experts")
            .EnumerateArray().Select(e => e.GetProperty("userName").GetString()).ToList();
        Assert.Equal(["expert2"], invited);

        // Retired, it no longer invites anyone.
        var retired = await moderator.PostAsync($"/api/experts/filters/{filter.GetProperty("id").GetGuid()}/retire", null);
        Assert.True((await retired.JsonAsync()).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { savedFilters = new[] { "Tiến sĩ y tế" } })).StatusCode);
    }

    [Fact]
    public async Task Moderators_see_who_was_invited_and_who_responded_and_a_session_invites_to_its_consultation()
    {
        var (id, sections) = await app.Consultation(audience: "invited");
        var moderator = await app.As("moderator");
        var created = await moderator.PostAsJsonAsync($"/api/consultations/{id}/sessions", new { title = "Tọa đàm", startsAt = DateTimeOffset.UtcNow.AddDays(1) });
        var session = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var refused = await moderator.PostAsJsonAsync($"/api/sessions/{session}/invitations", new { fields = new[] { "thiên văn" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("fields", out _));
        Assert.Equal(HttpStatusCode.NotFound,
            (await moderator.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/invitations", new { userNames = new[] { "expert1" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await app.As("expert1")).PostAsJsonAsync($"/api/sessions/{session}/invitations", new { userNames = new[] { "expert1" } })).StatusCode);

        (await moderator.PostAsJsonAsync($"/api/sessions/{session}/invitations", new { userNames = new[] { "expert1", "expert3" } })).EnsureSuccessStatusCode();
        (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { associations = new[] { "Hội Y học tỉnh" } })).EnsureSuccessStatusCode();
        var expert1 = await app.As("expert1");
        (await expert1.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor))).EnsureSuccessStatusCode();

        var view = await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/invitations");
        Assert.Equal(3, view.GetProperty("invited").GetInt32());
        Assert.Equal(1, view.GetProperty("responded").GetInt32());
        var experts = view.GetProperty("experts").EnumerateArray().ToDictionary(e => e.GetProperty("userName").GetString()!);
        Assert.Equal(["expert1", "expert3", "expert2"], experts.Keys);
        Assert.Equal("PGS.TS. Nguyễn Văn An", experts["expert1"].GetProperty("name").GetString());
        Assert.Equal(1, experts["expert1"].GetProperty("feedback").GetInt32());
        Assert.False(experts["expert2"].GetProperty("responded").GetBoolean());
        Assert.Equal("moderator", experts["expert2"].GetProperty("invitedBy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert1.GetAsync($"/api/consultations/{id}/invitations")).StatusCode);

        var manage = await moderator.GetStringAsync($"/consultations/{id}/manage");
        Assert.Contains("Đã mời 3 chuyên gia, 1 đã góp ý", manage);
    }
}
