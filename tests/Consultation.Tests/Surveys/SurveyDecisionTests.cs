using System.Text.Json;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Consultation.Surveys.Answering;
using Nq45Consult.Consultation.Surveys.Defining;
using FeedbackGiven = Nq45Consult.Consultation.Tests.Feedback.Given;

namespace Nq45Consult.Consultation.Tests.Surveys;

public class SurveyDecisionTests
{
    private static readonly DateTimeOffset Now = FeedbackGiven.Now;

    private static readonly QuestionInput[] Questions =
    [
        new("role", "single", "Vai trò của anh/chị?", ["Nhà khoa học", "Quản lý", "Doanh nghiệp"], true, null, null),
        new("areas", "multiple", "Lĩnh vực quan tâm?", ["Y tế", "Giáo dục", "Số hoá"], false, null, null),
        new("clarity", "likert", "Dự thảo rõ ràng?", null, true, null, null),
        new("years", "number", "Số năm kinh nghiệm?", null, false, 0, 60),
        new("comment", "text", "Ý kiến khác", null, false, null, null),
    ];

    private static ConsultationState Draft() =>
        new(Guid.NewGuid(), ConsultationStatus.Draft, Now.AddDays(30), 0, null, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private static Survey Survey(bool resultsPublic = false)
    {
        var defined = (SurveyDefined)DefineSurvey.Decide(Draft(), null, 0, new(Guid.Empty, Questions, resultsPublic, "moderator"), Now).Events[0];
        return new Survey(defined.ConsultationId, defined.Revision, defined.Questions, defined.ResultsPublic, defined.DefinedAt);
    }

    private static Decision Answer(string json, FeedbackTarget? target = null, Caller? who = null) =>
        AnswerSurvey.Decide(target ?? FeedbackGiven.Consultation(), Survey(), null,
            new(Guid.Empty, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json), who ?? FeedbackGiven.Expert), Now);

    [Fact]
    public void Questions_keep_the_given_order_and_options()
    {
        var survey = Survey();
        Assert.Equal(["role", "areas", "clarity", "years", "comment"], survey.Questions.Select(q => q.Id));
        Assert.Equal(["Nhà khoa học", "Quản lý", "Doanh nghiệp"], survey.Questions[0].Options);
        Assert.Equal(1, survey.Revision);
    }

    [Fact]
    public void A_bad_definition_names_each_question_field()
    {
        QuestionInput?[] bad =
        [
            new("a b", "single", "Câu?", ["Một"], true, null, null),
            new("x", "slider", "", null, false, null, null),
            new("n", "number", "Số?", null, false, 10, 1),
            new("n", "text", "Trùng mã", ["Không hợp lệ"], false, null, null),
        ];
        var decision = DefineSurvey.Decide(Draft(), null, 0, new(Guid.Empty, bad, false, "moderator"), Now);
        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Contains("questions[0].id", decision.Errors.Keys);
        Assert.Contains("questions[0].options", decision.Errors.Keys);
        Assert.Contains("questions[1].kind", decision.Errors.Keys);
        Assert.Contains("questions[1].text", decision.Errors.Keys);
        Assert.Contains("questions[2].max", decision.Errors.Keys);
        Assert.Contains("questions[3].options", decision.Errors.Keys);
        Assert.Equal(Refusal.Invalid, DefineSurvey.Decide(Draft(), null, 0, new(Guid.Empty, [], false, "m"), Now).Refusal);
    }

    [Fact]
    public void Questions_are_frozen_once_answered_but_results_can_still_be_made_public()
    {
        var survey = Survey();
        var changed = Questions.Take(2).ToArray();
        Assert.Equal(Refusal.Conflict, DefineSurvey.Decide(Draft(), survey, 3, new(Guid.Empty, changed, false, "m"), Now).Refusal);
        var publish = DefineSurvey.Decide(Draft(), survey, 3, new(Guid.Empty, Questions, true, "m"), Now);
        var defined = Assert.IsType<SurveyDefined>(Assert.Single(publish.Events));
        Assert.True(defined.ResultsPublic);
        Assert.Equal(survey.Revision, defined.Revision);
        Assert.Empty(DefineSurvey.Decide(Draft(), survey, 3, new(Guid.Empty, Questions, false, "m"), Now).Events);
        var beforeAnswers = Assert.IsType<SurveyDefined>(Assert.Single(DefineSurvey.Decide(Draft(), survey, 0, new(Guid.Empty, changed, false, "m"), Now).Events));
        Assert.Equal(2, beforeAnswers.Revision);
    }

    [Fact]
    public void Valid_answers_are_recorded_in_the_shape_of_their_question()
    {
        var decision = Answer("""{"role": 1, "areas": [2, 0], "clarity": 4, "years": 12.5, "comment": "Rất tốt 👍\u200b"}""");
        var answered = Assert.IsType<SurveyAnswered>(Assert.Single(decision.Events));
        Assert.Equal([1], answered.Answers["role"].Options!);
        Assert.Equal([0, 2], answered.Answers["areas"].Options!);
        Assert.Equal(4, answered.Answers["clarity"].Number);
        Assert.Equal(12.5m, answered.Answers["years"].Number);
        Assert.Equal("Rất tốt 👍\u200b", answered.Answers["comment"].Text);
        Assert.Equal(SurveyResponse.IdOf(answered.ConsultationId, "EXPERT1"), answered.ResponseId);
    }

    [Theory]
    [InlineData("Quản lý")]
    [InlineData("  quản lý ")]
    [InlineData("Qua\u0309n ly\u0301")]
    public void A_single_choice_may_be_given_by_the_options_text_instead_of_its_index(string text)
    {
        var decision = Answer($$"""{"role": "{{text}}", "clarity": 3}""");
        var answered = Assert.IsType<SurveyAnswered>(Assert.Single(decision.Events));
        Assert.Equal([1], answered.Answers["role"].Options!);
    }

    [Fact]
    public void An_option_text_matched_exactly_wins_over_one_differing_only_in_case_and_two_such_matches_are_ambiguous()
    {
        var question = new SurveyQuestion("q", QuestionKind.Single, "?", ["Có", "CÓ", "Không"], true, null, null);
        Assert.Equal([1], SurveyAnswers.OptionsNamed(question, "CÓ"));
        Assert.Equal([0, 1], SurveyAnswers.OptionsNamed(question, "có"));
        Assert.Equal([2], SurveyAnswers.OptionsNamed(question, "không"));
        Assert.Empty(SurveyAnswers.OptionsNamed(question, "Có lẽ"));
    }

    [Theory]
    [InlineData("""{"role": "Kỹ sư", "clarity": 3}""", "answers.role")]
    [InlineData("""{"role": 3, "clarity": 3}""", "answers.role")]
    [InlineData("""{"role": 0, "clarity": 6}""", "answers.clarity")]
    [InlineData("""{"role": 0, "clarity": 2.5}""", "answers.clarity")]
    [InlineData("""{"role": 0, "clarity": 3, "years": 61}""", "answers.years")]
    [InlineData("""{"role": 0, "clarity": 3, "years": "10"}""", "answers.years")]
    [InlineData("""{"role": 0, "clarity": 3, "areas": [1, 1]}""", "answers.areas")]
    [InlineData("""{"role": 0, "clarity": 3, "areas": 1}""", "answers.areas")]
    [InlineData("""{"role": 0, "clarity": 3, "comment": 5}""", "answers.comment")]
    [InlineData("""{"role": 0, "clarity": 3, "ghost": 1}""", "answers.ghost")]
    [InlineData("""{"clarity": 3}""", "answers.role")]
    [InlineData("""{"role": 0, "clarity": null}""", "answers.clarity")]
    public void Bad_answers_are_refused_under_their_question(string json, string field)
    {
        var decision = Answer(json);
        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Equal([field], decision.Errors.Keys);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Only_admitted_experts_answer_and_only_while_open()
    {
        const string ok = """{"role": 0, "clarity": 3}""";
        Assert.Equal(Refusal.Forbidden, Answer(ok, who: FeedbackGiven.Moderator).Refusal);
        Assert.Equal(Refusal.Forbidden, Answer(ok, FeedbackGiven.Consultation(audience: Audience.Invited, invited: "expert2")).Refusal);
        Assert.True(Answer(ok, FeedbackGiven.Consultation(audience: Audience.Invited, invited: "expert1")).Accepted);
        Assert.Equal(Refusal.Conflict, Answer(ok, FeedbackGiven.Consultation(ConsultationStatus.Closed)).Refusal);
        Assert.Equal(Refusal.NotFound, AnswerSurvey.Decide(FeedbackGiven.Consultation(), null, null, new(Guid.Empty, null, FeedbackGiven.Expert), Now).Refusal);
    }

    [Fact]
    public void Results_count_options_average_scales_and_list_text_without_authors()
    {
        var survey = Survey();
        SurveyResponse Response(string who, int revision, params (string Id, SurveyAnswer Answer)[] answers) =>
            new(Guid.NewGuid(), survey.Id, who, revision, answers.ToDictionary(a => a.Id, a => a.Answer), 1, Now, Now);
        var results = SurveyResults.Of(survey,
        [
            Response("A", 1, ("role", new([0])), ("areas", new([0, 2])), ("clarity", new(Number: 5)), ("years", new(Number: 10)), ("comment", new(Text: "Cần thêm số liệu"))),
            Response("B", 1, ("role", new([0])), ("areas", new([2])), ("clarity", new(Number: 4))),
            Response("C", 1, ("role", new([2])), ("clarity", new(Number: 2)), ("years", new(Number: 10))),
            Response("D", 1, ("role", new([1])), ("clarity", new(Number: 4)), ("years", new(Number: 25))),
            Response("OLD", 0, ("role", new([1])), ("clarity", new(Number: 1))),
        ]);
        Assert.Equal(4, results.Respondents);
        var role = results.Questions[0];
        Assert.Equal([2, 1, 1], role.Counts.Select(c => c.Count));
        Assert.Equal([50m, 25m, 25m], role.Counts.Select(c => c.Percent));
        var areas = results.Questions[1];
        Assert.Equal(2, areas.Answered);
        Assert.Equal([1, 0, 2], areas.Counts.Select(c => c.Count));
        Assert.Equal([50m, 0m, 100m], areas.Counts.Select(c => c.Percent));
        var clarity = results.Questions[2];
        Assert.Equal(3.75m, clarity.Mean);
        Assert.Equal([0, 1, 0, 2, 1], clarity.Counts.Select(c => c.Count));
        var years = results.Questions[3];
        Assert.Equal(15m, years.Mean);
        Assert.Equal([10m, 25m], years.Counts.Select(c => c.Value));
        Assert.Equal([2, 1], years.Counts.Select(c => c.Count));
        Assert.Equal(["Cần thêm số liệu"], results.Questions[4].TextAnswers);
    }

    [Fact]
    public void An_answer_records_the_respondents_profile_and_results_break_down_by_field_and_degree()
    {
        var profile = new AuthorProfile("PGS", "TS", "Viện", ["y tế", "dược"]);
        var answered = (SurveyAnswered)AnswerSurvey.Decide(FeedbackGiven.Consultation(), Survey(), profile,
            new(Guid.Empty, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{"role": 0, "clarity": 4}"""), FeedbackGiven.Expert), Now).Events[0];
        Assert.Equal("TS", answered.Profile?.Degree);

        var survey = Survey();
        SurveyResponse Response(string? degree, string[] fields, int role, int clarity, string? comment = null) =>
            new(Guid.NewGuid(), survey.Id, Guid.NewGuid().ToString(), survey.Revision,
                new Dictionary<string, SurveyAnswer> { ["role"] = new([role]), ["clarity"] = new(Number: clarity), ["comment"] = new(Text: comment) }, 1, Now, Now)
            { Degree = degree, Fields = fields };
        var results = SurveyResults.Of(survey,
        [
            Response("TS", ["y tế", "dược"], 0, 5, "Một mình một nhóm"),
            Response("TS", ["y tế"], 1, 3),
            Response("ThS", ["giáo dục"], 0, 2),
            Response(null, [], 2, 4),
        ]);
        Assert.Equal([("TS", 2), ("ThS", 1), (null, 1)], results.ByDegree.Select(g => (g.Group, g.Respondents)));
        Assert.Equal([("y tế", 2), ("dược", 1), ("giáo dục", 1), (null, 1)], results.ByField.Select(g => (g.Group, g.Respondents)));

        var role = results.Questions[0];
        Assert.Equal([1, 1, 0], role.ByDegree[0].Result.Counts.Select(c => c.Count));
        Assert.Equal([0, 0, 1], role.ByDegree[^1].Result.Counts.Select(c => c.Count));
        var clarity = results.Questions[2];
        Assert.Equal(4m, clarity.ByField.Single(g => g.Group == "y tế").Result.Mean);
        Assert.Equal(5m, clarity.ByField.Single(g => g.Group == "dược").Result.Mean);
        Assert.Empty(results.Questions[4].ByField);
        Assert.Empty(results.Questions[4].ByDegree);
    }
}
