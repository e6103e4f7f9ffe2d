using System.Text.Json;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Web.Surveys;

// The JSON shapes of api-v1.md's survey routes; kinds travel as kebab-case text.

public sealed record SurveyRequest(IReadOnlyList<QuestionInput?>? Questions, bool? ResultsPublic);

public sealed record AnswersRequest(IReadOnlyDictionary<string, JsonElement>? Answers);

public sealed record ResponseSaved(Guid Id, long Version);

public sealed record QuestionView(string Id, string Kind, string Text, IReadOnlyList<string>? Options, bool Required, decimal? Min, decimal? Max)
{
    public static QuestionView Of(SurveyQuestion q) =>
        new(q.Id, KebabCase.Name(q.Kind), q.Text, q.IsChoice ? q.Options : null, q.Required, q.Min, q.Max);
}

public sealed record SurveyView(Guid ConsultationId, int Revision, IReadOnlyList<QuestionView> Questions, bool ResultsPublic)
{
    public static SurveyView Of(Survey survey) =>
        new(survey.Id, survey.Revision, [.. survey.Questions.Select(QuestionView.Of)], survey.ResultsPublic);
}

public sealed record OptionCountView(int Index, string Text, int Count, decimal Percent);

public sealed record ValueCountView(decimal Value, int Count, decimal Percent);

/// <summary>
/// One question's results: <see cref="Options"/> for choice questions, <see cref="Mean"/> and
/// <see cref="Distribution"/> for Likert and number, <see cref="TextAnswers"/> (no authors) for text;
/// <see cref="ByField"/> and <see cref="ByDegree"/> the same counts per group of respondents (not for text).
/// </summary>
public sealed record QuestionResultView(
    string Id, string Kind, string Text, int Answered,
    IReadOnlyList<OptionCountView>? Options, decimal? Mean, IReadOnlyList<ValueCountView>? Distribution, IReadOnlyList<string>? TextAnswers,
    IReadOnlyList<GroupResultView>? ByField, IReadOnlyList<GroupResultView>? ByDegree)
{
    public static QuestionResultView Of(QuestionResult r)
    {
        var q = r.Question;
        var text = q.Kind == QuestionKind.Text;
        return new(q.Id, KebabCase.Name(q.Kind), q.Text, r.Answered, OptionsOf(r), r.Mean, DistributionOf(r),
            text ? r.TextAnswers : null,
            text ? null : [.. r.ByField.Select(GroupResultView.Of)],
            text ? null : [.. r.ByDegree.Select(GroupResultView.Of)]);
    }

    public static IReadOnlyList<OptionCountView>? OptionsOf(QuestionResult r) =>
        r.Question.IsChoice ? [.. r.Counts.Select(c => new OptionCountView((int)c.Value, c.Label, c.Count, c.Percent))] : null;

    public static IReadOnlyList<ValueCountView>? DistributionOf(QuestionResult r) =>
        r.Question.Kind is QuestionKind.Likert or QuestionKind.Number ? [.. r.Counts.Select(c => new ValueCountView(c.Value, c.Count, c.Percent))] : null;
}

/// <summary>A question's results among the respondents of one field or degree; <see cref="Group"/> null: their profile did not say.</summary>
public sealed record GroupResultView(string? Group, int Answered, IReadOnlyList<OptionCountView>? Options, decimal? Mean, IReadOnlyList<ValueCountView>? Distribution)
{
    public static GroupResultView Of(GroupResult g) =>
        new(g.Group, g.Result.Answered, QuestionResultView.OptionsOf(g.Result), g.Result.Mean, QuestionResultView.DistributionOf(g.Result));
}

public sealed record GroupSizeView(string? Group, int Respondents);

/// <summary><see cref="RespondentsByField"/> and <see cref="RespondentsByDegree"/>: how many respondents each group has (one person may have several fields).</summary>
public sealed record SurveyResultsView(
    Guid ConsultationId, int Respondents, IReadOnlyList<QuestionResultView> Questions,
    IReadOnlyList<GroupSizeView> RespondentsByField, IReadOnlyList<GroupSizeView> RespondentsByDegree)
{
    public static SurveyResultsView Of(Guid consultationId, SurveyResults results) =>
        new(consultationId, results.Respondents, [.. results.Questions.Select(QuestionResultView.Of)],
            [.. results.ByField.Select(g => new GroupSizeView(g.Group, g.Respondents))],
            [.. results.ByDegree.Select(g => new GroupSizeView(g.Group, g.Respondents))]);
}
