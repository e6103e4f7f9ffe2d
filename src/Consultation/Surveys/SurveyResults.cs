namespace Nq45Consult.Consultation.Surveys;

/// <summary>
/// What the respondents said, per question: counts and percentages per option, mean and distribution for Likert
/// and number questions, the free-text answers without who wrote them. Percentages are of the respondents who
/// answered that question. Only responses to the survey's current revision count. Choice, Likert and number
/// questions are also broken down by the respondents' fields of expertise and degree, as their profiles said
/// when they answered (see <see cref="RespondentGroups"/>).
/// </summary>
public sealed record SurveyResults(
    int Respondents, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<GroupSize> ByField, IReadOnlyList<GroupSize> ByDegree)
{
    public static SurveyResults Of(Survey survey, IReadOnlyList<SurveyResponse> responses)
    {
        var current = responses.Where(r => r.Revision == survey.Revision).OrderBy(r => r.FirstAnsweredAt).ToList();
        var byField = RespondentGroups.ByField(current);
        var byDegree = RespondentGroups.ByDegree(current);
        return new SurveyResults(current.Count,
            [.. survey.Questions.Select(q => QuestionResult.Of(q, current) with
            {
                ByField = GroupResult.Of(q, byField),
                ByDegree = GroupResult.Of(q, byDegree),
            })],
            GroupSize.Of(byField), GroupSize.Of(byDegree));
    }
}

public sealed record QuestionResult(
    SurveyQuestion Question,
    int Answered,
    IReadOnlyList<ValueCount> Counts,
    decimal? Mean,
    IReadOnlyList<string> TextAnswers)
{
    /// <summary>The question's results per field of expertise (empty for free text: small groups could name the writer).</summary>
    public IReadOnlyList<GroupResult> ByField { get; init; } = [];

    /// <summary>The question's results per degree (empty for free text).</summary>
    public IReadOnlyList<GroupResult> ByDegree { get; init; } = [];

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

/// <summary>
/// Respondents grouped by what their profiles carried when they answered. <see cref="GroupSize.Group"/> null
/// gathers those whose profile did not say; someone with several fields counts in each of them.
/// </summary>
public static class RespondentGroups
{
    public static IReadOnlyList<(string? Group, IReadOnlyList<SurveyResponse> Responses)> ByField(IReadOnlyList<SurveyResponse> responses) =>
        Ordered(responses.SelectMany(r => r.Fields.Count == 0 ? [(Group: (string?)null, Response: r)] : r.Fields.Distinct().Select(f => (Group: (string?)f, Response: r))));

    public static IReadOnlyList<(string? Group, IReadOnlyList<SurveyResponse> Responses)> ByDegree(IReadOnlyList<SurveyResponse> responses) =>
        Ordered(responses.Select(r => (Group: r.Degree, Response: r)));

    /// <summary>Largest group first, then by name; the "not said" group last.</summary>
    private static IReadOnlyList<(string? Group, IReadOnlyList<SurveyResponse> Responses)> Ordered(IEnumerable<(string? Group, SurveyResponse Response)> pairs) =>
        [.. pairs.GroupBy(p => p.Group)
            .OrderBy(g => g.Key is null).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<SurveyResponse>)[.. g.Select(p => p.Response)]))];
}

/// <summary>How many respondents a field or degree has (<see cref="Group"/> null: not said in their profile).</summary>
public sealed record GroupSize(string? Group, int Respondents)
{
    public static IReadOnlyList<GroupSize> Of(IReadOnlyList<(string? Group, IReadOnlyList<SurveyResponse> Responses)> groups) =>
        [.. groups.Select(g => new GroupSize(g.Group, g.Responses.Count))];
}

/// <summary>One question's results among one group of respondents.</summary>
public sealed record GroupResult(string? Group, QuestionResult Result)
{
    public static IReadOnlyList<GroupResult> Of(SurveyQuestion question, IReadOnlyList<(string? Group, IReadOnlyList<SurveyResponse> Responses)> groups) =>
        question.Kind == QuestionKind.Text ? [] : [.. groups.Select(g => new GroupResult(g.Group, QuestionResult.Of(question, g.Responses)))];
}
