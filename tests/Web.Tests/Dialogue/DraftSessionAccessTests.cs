using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Dialogue;

/// <summary>A session scheduled on a consultation not yet published does not exist for those who may not join it: 404, not 403.</summary>
public sealed class DraftSessionAccessTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task An_expert_finds_no_session_of_a_draft_consultation_while_moderators_and_officials_do()
    {
        var (consultation, _) = await app.Consultation(open: false);
        var scheduled = await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title = "Phiên trước khi mở", startsAt = DateTimeOffset.UtcNow });
        scheduled.EnsureSuccessStatusCode();
        var session = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        string[] routes = [$"/api/sessions/{session}", $"/api/sessions/{session}/transcript", $"/api/consultations/{consultation}/sessions", $"/sessions/{session}/present"];

        var expert = await app.As("expert1");
        foreach (var route in routes) Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(route)).StatusCode);
        foreach (var reader in new[] { "moderator", "official" })
        foreach (var route in routes) Assert.Equal(HttpStatusCode.OK, (await (await app.As(reader)).GetAsync(route)).StatusCode);
    }
}
