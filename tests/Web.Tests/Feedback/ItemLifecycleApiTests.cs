using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

public class ItemLifecycleApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(Guid Consultation, string Anchor, Created Item)> Submitted(string author = "expert1")
    {
        var (id, sections) = await app.Consultation();
        var response = await (await app.As(author)).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor));
        return (id, sections[0].Anchor, (await response.Content.ReadFromJsonAsync<Created>())!);
    }

    private static HttpRequestMessage Put(Guid item, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{item}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task The_author_revises_with_If_Match_and_a_stale_version_gets_412()
    {
        var (_, anchor, item) = await Submitted();
        var expert = await app.As("expert1");

        var revised = await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor, "Lý do mới", "disagree"), "\"1\""));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("\"2\"", revised.Headers.ETag?.ToString());
        var body = await Json(revised);
        Assert.Equal("disagree", body.GetProperty("stance").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt64());

        var stale = await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor, "Lần sau"), "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor), null))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor), "abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor), "\"2\""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.SendAsync(Put(item.Id, new { stance = "amend", attribution = "named" }, "\"2\""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.SendAsync(Put(Guid.NewGuid(), FeedbackFixture.Feedback(anchor), "\"1\""))).StatusCode);
    }

    [Fact]
    public async Task Withdrawing_removes_the_item_from_public_view_and_counts_but_keeps_its_history()
    {
        var (consultation, anchor, item) = await Submitted();
        var expert = await app.As("expert1");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert2")).DeleteAsync($"/api/feedback/{item.Id}")).StatusCode);
        var withdrawn = await expert.DeleteAsync($"/api/feedback/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await Json(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await expert.DeleteAsync($"/api/feedback/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor), "\"2\""))).StatusCode);

        Assert.Equal(0, (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).GetArrayLength());
        Assert.Equal(0, (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/summary"))).GetProperty("totals").GetProperty("feedback").GetInt32());
        var history = await Json(await (await app.As("official")).GetAsync($"/api/feedback/{item.Id}/history"));
        Assert.Equal(["submitted", "withdrawn"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        Assert.All(history.EnumerateArray(), e => Assert.Equal("expert1", e.GetProperty("actor").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/feedback/{item.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync($"/api/feedback/{item.Id}/history")).StatusCode);
    }

    [Fact]
    public async Task Closing_the_consultation_stops_revision_and_withdrawal()
    {
        var (consultation, anchor, item) = await Submitted();
        await app.Close(consultation);
        var expert = await app.As("expert1");
        Assert.Equal(HttpStatusCode.Conflict, (await expert.SendAsync(Put(item.Id, FeedbackFixture.Feedback(anchor), "\"1\""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await expert.DeleteAsync($"/api/feedback/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Reports_the_moderation_queue_hide_and_restore_with_reasons_and_the_public_log()
    {
        var (consultation, _, item) = await Submitted();
        var moderator = await app.As("moderator");
        var reporter = await app.As("expert2");
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PostAsJsonAsync($"/api/feedback/{item.Id}/reports", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/feedback/{item.Id}/reports", new { reason = "Có số điện thoại" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PostAsJsonAsync($"/api/feedback/{item.Id}/reports", new { reason = "Lại" })).StatusCode);

        var queue = await Json(await moderator.GetAsync("/api/moderation/queue"));
        Assert.Equal(item.Id, queue[0].GetProperty("id").GetGuid());
        Assert.Equal(1, queue[0].GetProperty("reports").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/moderation/queue")).StatusCode);

        var noReason = await moderator.PostAsJsonAsync($"/api/feedback/{item.Id}/moderation", new { action = "hide", category = "personal-data", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/feedback/{item.Id}/moderation", new { action = "hide", category = "rude", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/feedback/{item.Id}/moderation", new { action = "hide", category = "spam", reason = "x" })).StatusCode);
        var hidden = await moderator.PostAsJsonAsync($"/api/feedback/{item.Id}/moderation", new { action = "hide", category = "personal-data", reason = "Lộ số điện thoại" });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);

        Assert.Equal(0, (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).GetArrayLength());
        Assert.Equal(0, (await Json(await (await app.As("expert3")).GetAsync($"/api/consultations/{consultation}/feedback?status=hidden"))).GetArrayLength());
        Assert.Equal(0, (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/summary"))).GetProperty("totals").GetProperty("feedback").GetInt32());
        var seenByOfficial = await Json(await (await app.As("official")).GetAsync($"/api/consultations/{consultation}/feedback?status=hidden"));
        Assert.Equal("hidden", Assert.Single(seenByOfficial.EnumerateArray()).GetProperty("status").GetString());
        var mine = await Json(await (await app.As("expert1")).GetAsync("/api/me/feedback"));
        var own = mine.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item.Id);
        Assert.Equal("Lộ số điện thoại", own.GetProperty("moderationReason").GetString());

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/feedback/{item.Id}/moderation", new { action = "restore", category = "other", reason = "Đã che số" })).StatusCode);
        Assert.Equal(1, (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).GetArrayLength());
        var log = await (await app.As(null)).GetStringAsync($"/api/consultations/{consultation}/moderation-log");
        using var doc = JsonDocument.Parse(log);
        var lines = doc.RootElement.EnumerateArray().ToDictionary(l => l.GetProperty("category").GetString()!, l => (l.GetProperty("hidden").GetInt32(), l.GetProperty("restored").GetInt32()));
        Assert.Equal((1, 0), lines["personal-data"]);
        Assert.Equal((0, 1), lines["other"]);
        Assert.DoesNotContain("điện thoại", log);
    }

    [Fact]
    public async Task The_summary_counts_by_stance_section_and_participants_and_filters_work()
    {
        var (consultation, sections) = await app.Consultation();
        var (a, b) = (sections[0].Anchor, sections[1].Anchor);
        foreach (var (user, anchor, stance) in new[] { ("expert1", a, "agree"), ("expert1", a, "amend"), ("expert2", b, "amend"), ("expert3", (string?)null, "other") })
            (await (await app.As(user)).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(anchor, stance: stance))).EnsureSuccessStatusCode();

        var summary = await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/summary"));
        var totals = summary.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("feedback").GetInt32());
        Assert.Equal(3, totals.GetProperty("participants").GetInt32());
        Assert.Equal(2, totals.GetProperty("byStance").GetProperty("amend").GetInt32());
        var bySection = summary.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("anchor").GetString()!);
        Assert.Equal(sections.Count, bySection.Count);
        Assert.Equal(2, bySection[a].GetProperty("feedback").GetInt32());
        Assert.Equal(1, bySection[a].GetProperty("byStance").GetProperty("agree").GetInt32());
        Assert.Equal(1, bySection[b].GetProperty("feedback").GetInt32());

        var anon = await app.As(null);
        Assert.Equal(2, (await Json(await anon.GetAsync($"/api/consultations/{consultation}/feedback?stance=amend"))).GetArrayLength());
        Assert.Equal(2, (await Json(await anon.GetAsync($"/api/consultations/{consultation}/feedback?section={a}"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.GetAsync($"/api/consultations/{consultation}/feedback?stance=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/consultations/{Guid.NewGuid()}/summary")).StatusCode);
    }
}
