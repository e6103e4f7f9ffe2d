using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// <c>GET /api/feedback/{id}/history</c> reads feedback items only, each entry from its allowed fields, and names an
/// anonymous or unconsenting author (in every actor field) to moderators only.
/// </summary>
public sealed class FeedbackHistoryTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string AuthorDisplayName = "Chuyên gia hq7anon";

    private async Task<JsonElement> History(string reader, Guid item)
    {
        var response = await (await app.As(reader)).GetAsync($"/api/feedback/{item}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Revision(Guid item, long version, string attribution) => new(HttpMethod.Put, $"/api/feedback/{item}")
    {
        Content = JsonContent.Create(FeedbackFixture.Feedback(null, rationale: "Bản sửa.", attribution: attribution)),
        Headers = { { "If-Match", $"\"{version}\"" } },
    };

    [Fact]
    public async Task Any_stream_that_is_not_a_feedback_item_is_not_found()
    {
        var (consultation, sections) = await app.Consultation();
        var item = await app.Submitted(consultation, sections[0].Anchor);
        var moderator = await app.As("moderator");
        (await moderator.PutAsJsonAsync($"/api/consultations/{consultation}/survey", new
        {
            questions = new[] { new { id = "q1", kind = "text", text = "Ý kiến?", required = true } },
        })).EnsureSuccessStatusCode();
        (await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{consultation}/survey/responses", new { answers = new { q1 = "Câu trả lời riêng" } }))
            .EnsureSuccessStatusCode();
        var session = await moderator.PostAsJsonAsync($"/api/consultations/{consultation}/sessions", new { title = "Phiên", startsAt = DateTimeOffset.UtcNow });
        session.EnsureSuccessStatusCode();
        var sessionId = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var query = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var account = await query.Query<Account>().SingleAsync(a => a.NormalizedUserName == "EXPERT2");
        var registry = await (await app.As("admin")).GetFromJsonAsync<JsonElement>("/api/experts");
        var profile = registry.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();

        Guid[] others = [consultation, SurveyResponse.IdOf(consultation, "expert2"), sessionId, account.Id, profile, Guid.NewGuid()];
        foreach (var reader in new[] { "moderator", "official" })
        foreach (var other in others)
        {
            var response = await (await app.As(reader)).GetAsync($"/api/feedback/{other}/history");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/api/feedback/{item}/history")).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_author_and_their_actions_are_named_to_moderators_only()
    {
        var (consultation, _) = await app.Consultation();
        var author = await app.As(await app.Expert("hq7anon"));
        var created = await author.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null, attribution: "anonymous"));
        created.EnsureSuccessStatusCode();
        var item = (await created.Content.ReadFromJsonAsync<Created>())!;
        (await author.SendAsync(Revision(item.Id, item.Version, "anonymous"))).EnsureSuccessStatusCode();
        (await (await app.As("expert2")).PostAsJsonAsync($"/api/feedback/{item.Id}/reports", new { reason = "Lạc đề", category = "off-topic" })).EnsureSuccessStatusCode();
        (await author.DeleteAsync($"/api/feedback/{item.Id}")).EnsureSuccessStatusCode();

        var asOfficial = await History("official", item.Id);
        Assert.Equal(["submitted", "revised", "reported", "withdrawn"], asOfficial.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        var raw = asOfficial.GetRawText();
        Assert.DoesNotContain("hq7anon", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expert2", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Ẩn danh", asOfficial[0].GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, asOfficial[0].GetProperty("data").GetProperty("author").ValueKind);
        Assert.Equal("Ẩn danh", asOfficial[1].GetProperty("data").GetProperty("revisedBy").GetString());
        Assert.Equal(JsonValueKind.Null, asOfficial[2].GetProperty("actor").ValueKind);
        Assert.Equal("Ẩn danh", asOfficial[3].GetProperty("data").GetProperty("withdrawnBy").GetString());

        var asModerator = await History("moderator", item.Id);
        Assert.Equal("hq7anon", asModerator[0].GetProperty("actor").GetString());
        Assert.Equal("hq7anon", asModerator[0].GetProperty("data").GetProperty("author").GetProperty("userName").GetString());
        Assert.Equal(AuthorDisplayName, asModerator[0].GetProperty("data").GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("hq7anon", asModerator[1].GetProperty("data").GetProperty("revisedBy").GetString());
        Assert.Equal("expert2", asModerator[2].GetProperty("data").GetProperty("reportedBy").GetString());
        Assert.Equal("hq7anon", asModerator[3].GetProperty("data").GetProperty("withdrawnBy").GetString());
    }

    [Fact]
    public async Task A_named_item_turned_anonymous_hides_its_author_in_earlier_entries_too()
    {
        var (consultation, _) = await app.Consultation();
        var author = await app.As(await app.Expert("hq7later"));
        var created = await author.PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(null));
        created.EnsureSuccessStatusCode();
        var item = (await created.Content.ReadFromJsonAsync<Created>())!;
        (await author.SendAsync(Revision(item.Id, item.Version, "anonymous"))).EnsureSuccessStatusCode();

        var raw = (await History("official", item.Id)).GetRawText();
        Assert.DoesNotContain("hq7later", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hq7later", (await History("moderator", item.Id)).GetRawText());
    }

    [Fact]
    public async Task An_author_without_consent_to_appear_by_name_is_shown_by_field_to_officials()
    {
        var (consultation, _) = await app.Consultation();
        var author = await app.As(await app.Expert("hq7kin"));
        (await author.PutAsJsonAsync("/api/me/profile", new
        {
            fullName = "Trịnh Văn Hq7kin", academicTitle = "none", degree = "ths", fields = new[] { "y tế" }, consentToAppearByName = false,
        })).EnsureSuccessStatusCode();
        var item = await app.Submitted(consultation, null, "hq7kin");

        var asOfficial = await History("official", item);
        Assert.DoesNotContain("hq7kin", asOfficial.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Chuyên gia (lĩnh vực y tế)", asOfficial[0].GetProperty("actor").GetString());
        Assert.Equal("Chuyên gia (lĩnh vực y tế)", asOfficial[0].GetProperty("data").GetProperty("authorName").GetString());
        Assert.Contains("hq7kin", (await History("moderator", item)).GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_entry_carries_only_the_fields_listed_for_its_event()
    {
        var (consultation, sections) = await app.Consultation();
        var item = await app.Submitted(consultation, sections[0].Anchor);
        var history = await History("moderator", item);
        var submitted = Assert.Single(history.EnumerateArray());
        Assert.Equal(["version", "event", "actor", "at", "data"], submitted.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["draftVersion", "sectionAnchor", "content", "authorName", "author"], submitted.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["quote", "stance", "proposedText", "rationale", "references", "attribution"],
            submitted.GetProperty("data").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Equal("amend", submitted.GetProperty("data").GetProperty("content").GetProperty("stance").GetString());
    }
}
