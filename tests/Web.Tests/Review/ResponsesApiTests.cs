using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

public class ResponsesApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A closed consultation with a named item by expert1 and an anonymous one by expert2 on its first section.</summary>
    private async Task<(Guid Consultation, string Anchor, Guid Named, Guid Anonymous)> ClosedWithFeedback()
    {
        var (id, sections) = await app.Consultation();
        var anchor = sections[0].Anchor;
        var named = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(anchor));
        var anonymous = await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(anchor, "Ý kiến ẩn danh", "disagree", "anonymous"));
        await app.Close(id);
        return (id, anchor, (await named.Content.ReadFromJsonAsync<Created>())!.Id, (await anonymous.Content.ReadFromJsonAsync<Created>())!.Id);
    }

    private async Task<HttpResponseMessage> Respond(Guid item, string? decision, string? explanation, string user = "official") =>
        await (await app.As(user)).PostAsJsonAsync($"/api/feedback/{item}/response", new { decision, explanation });

    private async Task<JsonElement?> ResponseSeenBy(string? user, Guid consultation, Guid item)
    {
        var items = await Json(await (await app.As(user)).GetAsync($"/api/consultations/{consultation}/feedback"));
        var found = items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item).GetProperty("response");
        return found.ValueKind == JsonValueKind.Null ? null : found;
    }

    [Fact]
    public async Task Drafts_stay_private_to_officials_until_published_then_everyone_sees_them()
    {
        var (consultation, anchor, named, anonymous) = await ClosedWithFeedback();
        var answered = await Respond(named, "partially-accepted", "Tiếp thu ý về lộ trình; phần kinh phí đã có ở mục II.");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("partially-accepted", (await Json(answered)).GetProperty("response").GetProperty("decision").GetString());

        Assert.NotNull(await ResponseSeenBy("official", consultation, named));
        Assert.Null(await ResponseSeenBy("moderator", consultation, named));
        Assert.Null(await ResponseSeenBy(null, consultation, named));
        var summary = await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/summary"));
        Assert.Equal(0, summary.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == anchor).GetProperty("responded").GetInt32());
        var progress = await Json(await (await app.As("moderator")).GetAsync($"/api/consultations/{consultation}/review"));
        Assert.Equal((2, 1, 1), (progress.GetProperty("items").GetInt32(), progress.GetProperty("responded").GetInt32(), progress.GetProperty("unanswered").GetInt32()));

        var published = await (await app.As("official")).PostAsync($"/api/consultations/{consultation}/responses/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publishedBody = await published.Content.ReadAsStringAsync();
        Assert.True(publishedBody.Contains("\"status\":\"responded\""), publishedBody);
        var twice = await (await app.As("official")).PostAsync($"/api/consultations/{consultation}/responses/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);

        var seen = await ResponseSeenBy(null, consultation, named);
        Assert.Equal("Tiếp thu ý về lộ trình; phần kinh phí đã có ở mục II.", seen?.GetProperty("explanation").GetString());
        Assert.Null(await ResponseSeenBy(null, consultation, anonymous));
        summary = await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/summary"));
        Assert.Equal(1, summary.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == anchor).GetProperty("responded").GetInt32());

        var mine = await Json(await (await app.As("expert1")).GetAsync("/api/me/feedback"));
        Assert.Equal("partially-accepted", mine.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == named)
            .GetProperty("response").GetProperty("decision").GetString());
        // After publication the record is fixed.
        Assert.Equal(HttpStatusCode.Conflict, (await Respond(anonymous, "noted", null)).StatusCode);
    }

    [Fact]
    public async Task Published_responses_appear_on_the_consultation_page_and_in_my_feedback_without_anonymous_authors()
    {
        var (consultation, _, named, anonymous) = await ClosedWithFeedback();
        await Respond(named, "accepted", "Đã sửa Điều 1.");
        await Respond(anonymous, "not-accepted", "Không phù hợp phạm vi.");
        var official = await app.As("official");
        var before = await official.GetStringAsync($"/consultations/{consultation}");
        Assert.DoesNotContain("Không phù hợp phạm vi.", before);
        await official.PostAsync($"/api/consultations/{consultation}/responses/publish", null);

        var slug = (await Json(await official.GetAsync($"/api/consultations/{consultation}"))).GetProperty("slug").GetString();
        var page = await (await app.As(null)).GetStringAsync($"/consultations/{slug}");
        Assert.Contains("Không phù hợp phạm vi.", page);
        Assert.Contains("Tiếp thu", page);
        Assert.Contains("Ẩn danh", page);
        Assert.DoesNotContain("expert2", page);
        var myPage = await (await app.As("expert1")).GetStringAsync("/me/feedback");
        Assert.Contains("Đã sửa Điều 1.", myPage);

        // The list filters by the responded status, in the API and on the page.
        async Task<IEnumerable<Guid>> Listed(string status) =>
            (await Json(await (await app.As(null)).GetAsync($"/api/consultations?status={status}"))).EnumerateArray().Select(c => c.GetProperty("id").GetGuid());
        Assert.Contains(consultation, await Listed("responded"));
        Assert.DoesNotContain(consultation, await Listed("closed"));
        var title = (await Json(await official.GetAsync($"/api/consultations/{consultation}"))).GetProperty("title").GetString()!;
        Assert.Contains(title, await (await app.As(null)).GetStringAsync("/consultations?status=responded"));
        Assert.DoesNotContain(title, await (await app.As(null)).GetStringAsync("/consultations?status=closed"));
    }

    [Fact]
    public async Task Bad_responses_are_refused_with_the_field_and_nothing_is_stored()
    {
        var (consultation, _, named, _) = await ClosedWithFeedback();
        var outside = await Respond(named, "rejected", "x");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await Json(outside)).GetProperty("errors").TryGetProperty("decision", out _));
        var unexplained = await Respond(named, "not-accepted", " ");
        Assert.True((await Json(unexplained)).GetProperty("errors").TryGetProperty("explanation", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Respond(Guid.NewGuid(), "noted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Respond(named, "noted", null, "expert1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Respond(named, "noted", null, "moderator")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PostAsJsonAsync($"/api/feedback/{named}/response", new { decision = "noted" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsync($"/api/consultations/{consultation}/responses/publish", null)).StatusCode);

        var history = await Json(await (await app.As("official")).GetAsync($"/api/feedback/{named}/history"));
        Assert.Equal(["submitted"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Every_change_of_a_response_is_an_event_with_who_and_when()
    {
        var (_, _, named, _) = await ClosedWithFeedback();
        await Respond(named, "noted", null);
        await Respond(named, "accepted", "Đã sửa.");
        var history = await Json(await (await app.As("moderator")).GetAsync($"/api/feedback/{named}/history"));
        var responses = history.EnumerateArray().Where(e => e.GetProperty("event").GetString() == "responded").ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, e => Assert.Equal("official", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Withdrawn_items_and_open_consultations_take_no_response()
    {
        var (id, sections) = await app.Consultation();
        var expert = await app.As("expert1");
        var item = (await (await expert.PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor)))
            .Content.ReadFromJsonAsync<Created>())!;
        Assert.Equal(HttpStatusCode.Conflict, (await Respond(item.Id, "noted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await (await app.As("official")).PostAsync($"/api/consultations/{id}/responses/publish", null)).StatusCode);
        await expert.DeleteAsync($"/api/feedback/{item.Id}");
        await app.Close(id);
        Assert.Equal(HttpStatusCode.Conflict, (await Respond(item.Id, "noted", null)).StatusCode);
    }

    [Fact]
    public async Task A_response_deadline_is_set_per_consultation_and_validated()
    {
        var (consultation, _, _, _) = await ClosedWithFeedback();
        var official = await app.As("official");
        var progressResponse = await official.GetAsync($"/api/consultations/{consultation}/review");
        var progress = await Json(progressResponse);
        Assert.True(progress.TryGetProperty("unanswered", out _), progressResponse.StatusCode + await progressResponse.Content.ReadAsStringAsync());
        Assert.False(progress.GetProperty("deadlineSetExplicitly").GetBoolean());
        Assert.Equal(2, progress.GetProperty("unanswered").GetInt32());

        var deadline = DateTimeOffset.UtcNow.AddDays(45);
        Assert.Equal(HttpStatusCode.OK, (await official.PutAsJsonAsync($"/api/consultations/{consultation}/response-deadline", new { deadline })).StatusCode);
        progress = await Json(await official.GetAsync($"/api/consultations/{consultation}/review"));
        Assert.True(progress.GetProperty("deadlineSetExplicitly").GetBoolean());
        Assert.Equal(deadline.ToUnixTimeSeconds(), progress.GetProperty("deadline").GetDateTimeOffset().ToUnixTimeSeconds());

        var early = await official.PutAsJsonAsync($"/api/consultations/{consultation}/response-deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(-10) });
        Assert.True(early.StatusCode == HttpStatusCode.BadRequest, await early.Content.ReadAsStringAsync());
        Assert.True((await Json(early)).GetProperty("errors").TryGetProperty("deadline", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{consultation}/review")).StatusCode);
    }
}
