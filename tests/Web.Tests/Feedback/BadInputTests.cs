using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// The bad-input cases not covered next to their routes: 413 on revise and survey answers, a stale
/// If-Match storing nothing, bad reports, unknown survey consultations, and odd text rendered as text on every page.
/// </summary>
public partial class BadInputTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Odd = "<script>alert('x')</script><b>đậm</b> \u202Bمرحبا\u202C zero\u200Bwidth \u200F👩‍🔬 🇻🇳";

    [GeneratedRegex("<script>alert|<b>đậm</b>")]
    private static partial Regex Markup();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(Guid Consultation, string Anchor, Guid Item)> Submitted(string rationale = "Lý do")
    {
        var (consultation, sections) = await app.Consultation();
        var response = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, rationale));
        response.EnsureSuccessStatusCode();
        return (consultation, sections[0].Anchor, (await response.Content.ReadFromJsonAsync<Created>())!.Id);
    }

    [Fact]
    public async Task A_5_MB_revision_or_survey_answer_is_refused_with_413_and_nothing_changes()
    {
        var (consultation, anchor, item) = await Submitted();
        var expert = await app.As("expert1");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{item}")
        {
            Content = JsonContent.Create(FeedbackFixture.Feedback(anchor, new string('a', 5 * 1024 * 1024))),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var revised = await expert.SendAsync(put);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, revised.StatusCode);
        Assert.Equal("application/problem+json", revised.Content.Headers.ContentType?.MediaType);
        var stored = Assert.Single((await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).EnumerateArray());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());

        (await (await app.As("moderator")).PutAsJsonAsync($"/api/consultations/{consultation}/survey",
            new { questions = new[] { new { id = "y-kien", kind = "text", text = "Ý kiến?", required = false } } })).EnsureSuccessStatusCode();
        var answered = await expert.PostAsJsonAsync($"/api/consultations/{consultation}/survey/responses",
            new { answers = new Dictionary<string, string> { ["y-kien"] = new('a', 5 * 1024 * 1024) } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answered.StatusCode);
        var results = await Json(await (await app.As("moderator")).GetAsync($"/api/consultations/{consultation}/survey/results"));
        Assert.Equal(0, results.GetProperty("respondents").GetInt32());
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_stores_nothing()
    {
        var (consultation, anchor, item) = await Submitted("Bản gốc");
        var expert = await app.As("expert1");
        HttpRequestMessage Put(string rationale, string version)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/feedback/{item}") { Content = JsonContent.Create(FeedbackFixture.Feedback(anchor, rationale)) };
            request.Headers.TryAddWithoutValidation("If-Match", version);
            return request;
        }
        Assert.Equal(HttpStatusCode.OK, (await expert.SendAsync(Put("Bản hai", "\"1\""))).StatusCode);
        var stale = await expert.SendAsync(Put("Bản từ tab cũ", "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var history = await Json(await (await app.As("moderator")).GetAsync($"/api/feedback/{item}/history"));
        Assert.Equal(["submitted", "revised"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        var stored = Assert.Single((await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).EnumerateArray());
        Assert.Equal("Bản hai", stored.GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task Bad_reports_are_refused_with_a_problem_and_stored_nowhere()
    {
        var (_, _, item) = await Submitted();
        var reporter = await app.As("expert2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("official")).PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync($"/api/feedback/{Guid.NewGuid()}/reports", new { reason = "x" })).StatusCode);
        var tooLong = await reporter.PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = new string('x', 2_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await Json(tooLong)).GetProperty("errors").TryGetProperty("reason", out _));
        var history = await Json(await (await app.As("moderator")).GetAsync($"/api/feedback/{item}/history"));
        Assert.Equal(["submitted"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Survey_routes_of_an_unknown_consultation_answer_404()
    {
        var unknown = Guid.NewGuid();
        var expert = await app.As("expert1");
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsJsonAsync($"/api/consultations/{unknown}/survey/responses", new { answers = new { } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/consultations/{unknown}/survey")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("moderator")).GetAsync($"/api/consultations/{unknown}/survey/results")).StatusCode);
    }

    [Fact]
    public async Task Odd_text_is_stored_exactly_and_every_page_renders_it_as_text()
    {
        var (consultation, _, item) = await Submitted(Odd);
        var slug = (await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}"))).GetProperty("slug").GetString();
        (await (await app.As("expert2")).PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = Odd, category = "other" })).EnsureSuccessStatusCode();
        (await (await app.As("moderator")).PutAsJsonAsync($"/api/consultations/{consultation}/survey",
            new { questions = new[] { new { id = "y-kien", kind = "text", text = "Ý kiến?", required = true } } })).EnsureSuccessStatusCode();
        (await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{consultation}/survey/responses",
            new { answers = new Dictionary<string, string> { ["y-kien"] = Odd } })).EnsureSuccessStatusCode();

        var stored = Assert.Single((await Json(await (await app.As(null)).GetAsync($"/api/consultations/{consultation}/feedback"))).EnumerateArray());
        Assert.Equal(Odd, stored.GetProperty("rationale").GetString());
        foreach (var (user, address) in new[]
        {
            ((string?)null, $"/consultations/{slug}"), ("expert2", $"/consultations/{slug}"), ("expert1", "/me/feedback"),
            ("moderator", $"/moderation/feedback?consultation={consultation}"), ("moderator", $"/surveys/{consultation}/results"),
        })
        {
            var page = await (await app.As(user)).GetStringAsync(address);
            Assert.DoesNotMatch(Markup(), page);
            Assert.Contains(Odd, WebUtility.HtmlDecode(page));
        }
    }
}
