using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Surveys;

public class SurveyApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    public static readonly object Questions = new
    {
        questions = new object[]
        {
            new { id = "role", kind = "single", text = "Vai trò của anh/chị?", options = new[] { "Nhà khoa học", "Quản lý", "Doanh nghiệp" }, required = true },
            new { id = "areas", kind = "multiple", text = "Lĩnh vực quan tâm?", options = new[] { "Y tế", "Giáo dục", "Số hoá" }, required = false },
            new { id = "clarity", kind = "likert", text = "Dự thảo rõ ràng?", required = true },
            new { id = "years", kind = "number", text = "Số năm kinh nghiệm?", required = false, min = 0, max = 60 },
            new { id = "comment", kind = "text", text = "Ý kiến khác", required = false },
        },
    };

    private async Task<Guid> WithSurvey(string audience = "public", bool open = true, bool withDraft = true, bool resultsPublic = false, params string[] invited)
    {
        var (id, _) = await app.Consultation(audience, open: open && withDraft, withDraft, invited);
        var moderator = await app.As("moderator");
        var put = await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", WithResultsPublic(resultsPublic));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        if (open && !withDraft) Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        return id;
    }

    private static JsonElement WithResultsPublic(bool resultsPublic)
    {
        var json = JsonSerializer.SerializeToNode(Questions, JsonSerializerOptions.Web)!;
        json["resultsPublic"] = resultsPublic;
        return JsonSerializer.SerializeToElement(json);
    }

    private static Task<HttpResponseMessage> Answer(HttpClient client, Guid id, object answers) =>
        client.PostAsJsonAsync($"/api/consultations/{id}/survey/responses", new { answers });

    [Fact]
    public async Task Defining_a_survey_is_for_moderators_and_keeps_the_order_given()
    {
        var (id, _) = await app.Consultation();
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).PutAsJsonAsync($"/api/consultations/{id}/survey", Questions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PutAsJsonAsync($"/api/consultations/{id}/survey", Questions)).StatusCode);
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", Questions)).StatusCode);
        var survey = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/survey");
        Assert.Equal(["role", "areas", "clarity", "years", "comment"], survey.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        Assert.Equal(["Nhà khoa học", "Quản lý", "Doanh nghiệp"],
            survey.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("likert", survey.GetProperty("questions")[2].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_bad_definition_is_a_validation_problem_naming_the_question()
    {
        var (id, _) = await app.Consultation();
        var response = await (await app.As("moderator")).PutAsJsonAsync($"/api/consultations/{id}/survey",
            new { questions = new object[] { new { id = "q1", kind = "slider", text = "?" }, new { id = "q2", kind = "single", text = "?", options = new[] { "Một" } } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("questions[0].kind", out _));
        Assert.True(errors.TryGetProperty("questions[1].options", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(null)).GetAsync($"/api/consultations/{id}/survey")).StatusCode);
    }

    [Fact]
    public async Task A_survey_only_consultation_opens_and_is_answered()
    {
        var (id, _) = await app.Consultation("public", open: false, withDraft: false);
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", Questions)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/consultations/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Answer(await app.As("expert1"), id, new { role = 0, clarity = 4 })).StatusCode);
    }

    [Fact]
    public async Task Answers_of_the_wrong_shape_are_refused_by_question_and_nothing_is_stored()
    {
        var id = await WithSurvey();
        var expert = await app.As("expert2");
        var response = await Answer(expert, id, new { role = 7, areas = "Y tế", clarity = 9, years = 100, comment = 3, ghost = "?" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["answers.areas", "answers.clarity", "answers.comment", "answers.ghost", "answers.role", "answers.years"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        var missing = await Answer(expert, id, new { areas = new[] { 1 } });
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["answers.clarity", "answers.role"], missingErrors.EnumerateObject().Select(e => e.Name).Order());
        var results = await (await app.As("official")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/survey/results");
        Assert.Equal(0, results.GetProperty("respondents").GetInt32());
    }

    [Fact]
    public async Task Who_may_answer_follows_the_feedback_rules()
    {
        var invitedOnly = await WithSurvey("invited", invited: "expert1");
        var ok = new { role = 0, clarity = 3 };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Answer(await app.As(null), invitedOnly, ok)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Answer(await app.As("moderator"), invitedOnly, ok)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Answer(await app.As("expert2"), invitedOnly, ok)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Answer(await app.As("expert1"), invitedOnly, ok)).StatusCode);

        var notOpen = await WithSurvey(open: false);
        Assert.Equal(HttpStatusCode.Conflict, (await Answer(await app.As("expert1"), notOpen, ok)).StatusCode);
        var closed = await WithSurvey();
        await app.Close(closed);
        Assert.Equal(HttpStatusCode.Conflict, (await Answer(await app.As("expert1"), closed, ok)).StatusCode);
        var (noSurvey, _) = await app.Consultation();
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(await app.As("expert1"), noSurvey, ok)).StatusCode);
    }

    [Fact]
    public async Task A_second_response_replaces_the_first_and_both_stay_in_history()
    {
        var id = await WithSurvey();
        var expert = await app.As("expert3");
        var first = await Answer(expert, id, new { role = 0, clarity = 2, comment = "Lần đầu" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await Answer(expert, id, new { role = 1, clarity = 5 });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());

        var results = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/survey/results");
        Assert.Equal(1, results.GetProperty("respondents").GetInt32());
        var questions = results.GetProperty("questions");
        Assert.Equal([0, 1, 0], questions[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal(5m, questions[2].GetProperty("mean").GetDecimal());
        Assert.Empty(questions[4].GetProperty("textAnswers").EnumerateArray());

        await using var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var responseId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(2, (await session.Events.FetchStreamAsync(responseId)).Count);
    }

    [Fact]
    public async Task Questions_cannot_change_once_answered_but_results_can_be_made_public()
    {
        var id = await WithSurvey();
        Assert.Equal(HttpStatusCode.Created, (await Answer(await app.As("expert1"), id, new { role = 2, clarity = 1 })).StatusCode);
        var moderator = await app.As("moderator");
        var change = await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey",
            new { questions = new[] { new { id = "only", kind = "text", text = "Ý kiến?", required = true } } });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal("application/problem+json", change.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", WithResultsPublic(true))).StatusCode);
        var survey = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/survey");
        Assert.Equal(5, survey.GetProperty("questions").GetArrayLength());
        Assert.True(survey.GetProperty("resultsPublic").GetBoolean());
    }

    [Fact]
    public async Task Results_are_for_reviewers_and_public_only_after_closing_when_chosen()
    {
        var chosen = await WithSurvey(resultsPublic: true);
        var notChosen = await WithSurvey();
        var anonymous = await app.As(null);
        var expert = await app.As("expert1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/consultations/{chosen}/survey/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/consultations/{chosen}/survey/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("official")).GetAsync($"/api/consultations/{chosen}/survey/results")).StatusCode);
        await app.Close(chosen);
        await app.Close(notChosen);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/consultations/{chosen}/survey/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/consultations/{notChosen}/survey/results")).StatusCode);
    }

    [Fact]
    public async Task Results_are_exact_with_twelve_parallel_respondents_and_list_text_without_authors()
    {
        const int respondents = 12;
        var id = await WithSurvey();
        var users = await Task.WhenAll(Enumerable.Range(1, respondents).Select(i => app.Expert($"survey-expert-{i}")));
        var clients = await Task.WhenAll(users.Select(app.As));
        var codes = await Task.WhenAll(clients.Select((client, i) =>
            Answer(client, id, new { role = i % 3, areas = new[] { 0, 2 }, clarity = 1 + i % 5, years = i, comment = $"Ý kiến số {i}" })));
        Assert.All(codes, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var text = await (await app.As("moderator")).GetStringAsync($"/api/consultations/{id}/survey/results");
        var results = JsonDocument.Parse(text).RootElement;
        Assert.Equal(respondents, results.GetProperty("respondents").GetInt32());
        var questions = results.GetProperty("questions");
        Assert.Equal([4, 4, 4], questions[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal(33.3m, questions[0].GetProperty("options")[0].GetProperty("percent").GetDecimal());
        Assert.Equal([12, 0, 12], questions[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal(2.75m, questions[2].GetProperty("mean").GetDecimal()); // 1..5, 1..5, 1, 2 → 33 / 12
        Assert.Equal([3, 3, 2, 2, 2], questions[2].GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(5.5m, questions[3].GetProperty("mean").GetDecimal());
        Assert.Equal(respondents, questions[4].GetProperty("textAnswers").GetArrayLength());
        Assert.DoesNotContain("survey-expert", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Chuyên gia", text);
    }
}
