namespace Nq45Consult.Consultation.Surveys;

/// <summary>
/// What the respondents said, per question: counts and percentages per option, mean and distribution for Likert
/// and number questions, the free-text answers without who wrote them. Percentages are of the respondents who
/// answered that question. Only responses to the survey's current revision count.
/// </summary>
public sealed record SurveyResults(int Respondents, IReadOnlyList<QuestionResult> Questions)
{
    public static SurveyResults Of(Survey survey, IReadOnlyList<SurveyResponse> responses)
    {
        var current = responses.Where(r => r.Revision == survey.Revision).OrderBy(r => r.FirstAnsweredAt).ToList();
        return new SurveyResults(current.Count, [.. survey.Questions.Select(q => QuestionResult.Of(q, current))]);
    }
}

public sealed record QuestionResult(
    SurveyQuestion Question,
    int Answered,
    IReadOnlyList<ValueCount> Counts,
    decimal? Mean,
    IReadOnlyList<string> TextAnswers)
{
    public static QuestionResult Of(SurveyQuestion question, IReadOnlyList<SurveyResponse> responses)
    {
        var answers = responses.Select(r => r.Answers.GetValueOrDefault(question.Id)).OfType<SurveyAnswer>().ToList();
        var answered = answers.Count;
        switch (question.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                var chosen = answers.SelectMany(a => a.Options ?? []).ToList();
                return new(question, answered,
                    [.. question.Options.Select((text, i) => ValueCount.Of(i, text, chosen.Count(c => c == i), answered))], null, []);
            case QuestionKind.Likert or QuestionKind.Number:
                var numbers = answers.Select(a => a.Number).OfType<decimal>().ToList();
                var levels = question.Kind == QuestionKind.Likert
                    ? Enumerable.Range(SurveyQuestion.LikertMin, SurveyQuestion.LikertMax - SurveyQuestion.LikertMin + 1).Select(l => (decimal)l)
                    : numbers.Distinct().Order();
                return new(question, answered,
                    [.. levels.Select(v => ValueCount.Of(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), numbers.Count(n => n == v), answered))],
                    numbers.Count == 0 ? null : Math.Round(numbers.Average(), 2), []);
            default:
                return new(question, answered, [], null, [.. answers.Select(a => a.Text).OfType<string>()]);
        }
    }
}

/// <summary>How many chose an option (by index) or gave a value, and what share of the question's respondents that is.</summary>
public sealed record ValueCount(decimal Value, string Label, int Count, decimal Percent)
{
    public static ValueCount Of(decimal value, string label, int count, int answered) =>
        new(value, label, count, answered == 0 ? 0 : Math.Round(100m * count / answered, 1));
}
