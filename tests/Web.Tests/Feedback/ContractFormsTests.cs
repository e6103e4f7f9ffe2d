using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>
/// The request forms api-v1.md allows and a client written against it sends: a quote as a plain string, moderation
/// without a category, a single-choice survey answer given as the option's text. Each works unchanged over HTTP.
/// </summary>
public class ContractFormsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_quote_given_as_a_plain_string_is_located_in_the_section_and_stored_with_its_offsets()
    {
        var (id, sections) = await app.Consultation();
        var section = sections.First(s => s.Text.Contains("hạ tầng số"));
        const string passage = "hạ tầng số 🇻🇳";
        var response = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(section.Anchor, quote: passage));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var item = Assert.Single((await Json(await (await app.As(null)).GetAsync($"/api/consultations/{id}/feedback"))).EnumerateArray());
        var quote = item.GetProperty("quote");
        var start = section.Text.IndexOf(passage, StringComparison.Ordinal);
        Assert.Equal((passage, start, start + passage.Length),
            (quote.GetProperty("text").GetString(), quote.GetProperty("start").GetInt32(), quote.GetProperty("end").GetInt32()));
    }

    [Theory]
    [InlineData("không có trong mục này")]
    [InlineData("đ")]
    public async Task A_plain_string_quote_absent_from_the_section_or_found_more_than_once_is_a_400_naming_quote_and_stores_nothing(string passage)
    {
        var (id, sections) = await app.Consultation();
        var section = sections.First(s => s.Text.Contains("hạ tầng số"));
        Assert.NotEqual(1, section.Text.Split(passage).Length - 1);
        var response = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(section.Anchor, quote: passage));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["quote"], (await Json(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Empty((await Json(await (await app.As("moderator")).GetAsync($"/api/consultations/{id}/feedback"))).EnumerateArray());
    }

    [Fact]
    public async Task A_quote_of_the_wrong_type_is_a_400_naming_quote()
    {
        var (id, sections) = await app.Consultation();
        var response = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(sections[0].Anchor, quote: new { text = "Phát", start = "đầu", end = 4 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("quote", out _));
    }

    [Fact]
    public async Task Moderation_without_a_category_hides_the_item_under_other()
    {
        var (id, sections) = await app.Consultation();
        var item = await app.Submitted(id, sections[0].Anchor);
        var moderator = await app.As("moderator");
        var hidden = await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "hide", reason = "Lạc đề" });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var body = await Json(hidden);
        Assert.Equal(("hidden", "other"), (body.GetProperty("status").GetString(), body.GetProperty("moderationCategory").GetString()));
        var unknown = await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "restore", category = "rude", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json(unknown)).GetProperty("errors").TryGetProperty("category", out _));
    }

    [Fact]
    public async Task A_single_choice_survey_answer_may_be_the_options_text_as_well_as_its_index()
    {
        var (id, _) = await app.Consultation();
        var moderator = await app.As("moderator");
        (await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", new
        {
            questions = new[] { new { id = "role", kind = "single", text = "Vai trò?", options = new[] { "Nhà khoa học", "Quản lý" }, required = true } },
        })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/survey/responses",
            new { answers = new { role = "Quản lý" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/survey/responses",
            new { answers = new { role = 1 } })).StatusCode);
        var unknown = await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/survey/responses", new { answers = new { role = "Kỹ sư" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Json(unknown)).GetProperty("errors").TryGetProperty("answers.role", out _));

        var results = await Json(await moderator.GetAsync($"/api/consultations/{id}/survey/results"));
        Assert.Equal(2, results.GetProperty("respondents").GetInt32());
        Assert.Equal([0, 2], results.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
    }
}
