using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

public class SubmitFeedbackApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<int> CountAll(Guid consultation)
    {
        var moderator = await app.As("moderator");
        return (await Json(await moderator.GetAsync($"/api/consultations/{consultation}/feedback"))).GetArrayLength();
    }

    [Fact]
    public async Task An_expert_submits_with_an_exact_quote_and_odd_text_is_stored_exactly()
    {
        var (id, sections) = await app.Consultation();
        var section = sections.First(s => s.Text.Contains("hạ tầng số"));
        var passage = "hạ tầng số 🇻🇳";
        var start = section.Text.IndexOf(passage, StringComparison.Ordinal);
        const string odd = "<script>alert('x')</script> \u202Bمرحبا\u202C zero\u200Bwidth 👩‍🔬";
        var expert = await app.As("expert1");

        var response = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(section.Anchor, odd, quote: new { text = passage, start, end = start + passage.Length }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        Assert.Equal(1, created.Version);
        Assert.Equal($"/api/feedback/{created.Id}", response.Headers.Location?.ToString());
        var items = await Json(await (await app.As(null)).GetAsync($"/api/consultations/{id}/feedback?section={section.Anchor}"));
        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(odd, item.GetProperty("rationale").GetString());
        Assert.Equal("amend", item.GetProperty("stance").GetString());
        Assert.Equal(passage, item.GetProperty("quote").GetProperty("text").GetString());
        Assert.Equal("published", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("author").GetProperty("userName").ValueKind);
    }

    [Fact]
    public async Task An_anonymous_item_never_shows_its_author_except_to_moderators()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert2");
        var me = await Json(await expert.GetAsync("/api/me"));
        var displayName = me.GetProperty("displayName").GetString()!;
        (await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, attribution: "anonymous"))).EnsureSuccessStatusCode();

        foreach (var reader in new[] { null, "expert1", "official" })
        {
            var raw = await (await app.As(reader)).GetStringAsync($"/api/consultations/{id}/feedback");
            Assert.Contains("Ẩn danh", raw);
            Assert.DoesNotContain("expert2", raw);
            Assert.DoesNotContain(displayName, raw);
        }
        var moderated = await (await app.As("moderator")).GetStringAsync($"/api/consultations/{id}/feedback");
        Assert.Contains("expert2", moderated);
    }

    [Fact]
    public async Task Who_may_take_part()
    {
        var (publicId, sections) = await app.Consultation();
        var body = FeedbackFixture.Feedback(sections[0].Anchor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PostAsJsonAsync($"/api/consultations/{publicId}/feedback", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("moderator")).PostAsJsonAsync($"/api/consultations/{publicId}/feedback", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsJsonAsync($"/api/consultations/{publicId}/feedback", body)).StatusCode);

        var (invitedId, _) = await app.Consultation("invited", true, "expert1");
        var refused = await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{invitedId}/feedback", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{invitedId}/feedback", body)).StatusCode);
        Assert.Equal(0, await CountAll(publicId));
    }

    [Fact]
    public async Task A_consultation_not_yet_open_or_closed_refuses_with_409_and_an_unknown_one_with_404()
    {
        var expert = await app.As("expert1");
        var (draft, sections) = await app.Consultation(open: false);
        var body = FeedbackFixture.Feedback(sections[0].Anchor);
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsJsonAsync($"/api/consultations/{draft}/feedback", body)).StatusCode);
        var (closed, _) = await app.Consultation();
        await app.Close(closed);
        var response = await expert.PostAsJsonAsync($"/api/consultations/{closed}/feedback", body);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("kết thúc", (await Json(response)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/feedback", body)).StatusCode);
        Assert.Equal(0, await CountAll(closed));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var (id, sections) = await app.Consultation();
        var anchor = sections[0].Anchor;
        var expert = await app.As("expert1");
        var cases = new (object Body, string Field)[]
        {
            (new { sectionAnchor = anchor, stance = "amend", attribution = "named" }, "rationale"),
            (FeedbackFixture.Feedback(anchor, stance: "maybe"), "stance"),
            (FeedbackFixture.Feedback(anchor, attribution: "secret"), "attribution"),
            (FeedbackFixture.Feedback("khong-co"), "sectionAnchor"),
            (FeedbackFixture.Feedback(anchor, quote: new { text = "không có trong mục", start = 0, end = 18 }), "quote"),
            (FeedbackFixture.Feedback(anchor, new string('x', 20_001)), "rationale"),
            (new { sectionAnchor = anchor, stance = "add", rationale = "r", attribution = "named", references = new[] { new { title = "x", url = "javascript:alert(1)" } } }, "references[0].url"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
        }
        Assert.Equal(0, await CountAll(id));
    }

    [Fact]
    public async Task A_5_MB_body_is_refused_with_413()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert1");
        var response = await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(sections[0].Anchor, new string('a', 5 * 1024 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode); // chunked: counted while read
        var declared = new StringContent(new string(' ', 5 * 1024 * 1024), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await expert.PostAsync($"/api/consultations/{id}/feedback", declared)).StatusCode);
        Assert.Equal(0, await CountAll(id));
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_returns_the_first_result_even_concurrently()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert3");
        async Task<Created> Send(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{id}/feedback")
            {
                Content = JsonContent.Create(FeedbackFixture.Feedback(sections[0].Anchor)),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await expert.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Created>())!;
        }

        var first = await Send("retry-1");
        Assert.Equal(first, await Send("retry-1"));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Send("burst-1")));
        Assert.Single(concurrent.Select(c => c.Id).Distinct());
        Assert.Equal(2, await CountAll(id));
    }
}
