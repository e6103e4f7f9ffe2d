using System.Text.Json;
using Nq45Consult.Consultation.Drafts.Consultations;
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
/// <see cref="Distribution"/> for Likert and number, <see cref="TextAnswers"/> (no authors) for text.
/// </summary>
public sealed record QuestionResultView(
    string Id, string Kind, string Text, int Answered,
    IReadOnlyList<OptionCountView>? Options, decimal? Mean, IReadOnlyList<ValueCountView>? Distribution, IReadOnlyList<string>? TextAnswers)
{
    public static QuestionResultView Of(QuestionResult r)
    {
        var q = r.Question;
        return new(q.Id, KebabCase.Name(q.Kind), q.Text, r.Answered,
            q.IsChoice ? [.. r.Counts.Select(c => new OptionCountView((int)c.Value, c.Label, c.Count, c.Percent))] : null,
            r.Mean,
            q.Kind is QuestionKind.Likert or QuestionKind.Number ? [.. r.Counts.Select(c => new ValueCountView(c.Value, c.Count, c.Percent))] : null,
            q.Kind == QuestionKind.Text ? r.TextAnswers : null);
    }
}

public sealed record SurveyResultsView(Guid ConsultationId, int Respondents, IReadOnlyList<QuestionResultView> Questions)
{
    public static SurveyResultsView Of(Guid consultationId, SurveyResults results) =>
        new(consultationId, results.Respondents, [.. results.Questions.Select(QuestionResultView.Of)]);
}
