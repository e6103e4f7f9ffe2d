using System.Text;
using System.Text.Json;

namespace Nq45Consult.Consultation.Surveys.Answering;

/// <summary>
/// Reads the answers an expert sent (<c>{questionId: value}</c>) against the survey's questions: an option index
/// or the option's text for single choice, an array of them for multiple choice, 1–5 for Likert, a number within min/max, text.
/// Errors are keyed <c>answers.&lt;questionId&gt;</c>; null (or empty text, or no option) means unanswered.
/// </summary>
public static class SurveyAnswers
{
    public const int MaxTextLength = 5_000;

    public static Dictionary<string, SurveyAnswer>? From(
        Survey survey, IReadOnlyDictionary<string, JsonElement>? sent, Dictionary<string, string[]> errors)
    {
        sent ??= new Dictionary<string, JsonElement>();
        var answers = new Dictionary<string, SurveyAnswer>(StringComparer.Ordinal);
        foreach (var id in sent.Keys.Where(id => survey.Question(id) is null))
            errors[Key(id)] = [DomainText.SurveyNoSuchQuestion];
        foreach (var question in survey.Questions)
        {
            string? error = null;
            var answer = sent.TryGetValue(question.Id, out var value) ? Read(question, value, out error) : null;
            if (answer is null && error is not null) errors[Key(question.Id)] = [error];
            else if (answer is null && question.Required) errors[Key(question.Id)] = [DomainText.SurveyAnswerRequired];
            else if (answer is not null) answers[question.Id] = answer;
        }
        return errors.Count > 0 ? null : answers;
    }

    public static string Key(string questionId) => $"answers.{questionId}";

    private static SurveyAnswer? Read(SurveyQuestion question, JsonElement value, out string? error)
    {
        error = null;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        switch (question.Kind)
        {
            case QuestionKind.Single:
                if (!OptionIndex(value, question, out var chosen, out error)) return null;
                return new SurveyAnswer(Options: [chosen]);
            case QuestionKind.Multiple:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    error = DomainText.SurveyMultipleNeedsList;
                    return null;
                }
                var indexes = new List<int>();
                foreach (var item in value.EnumerateArray())
                {
                    if (!OptionIndex(item, question, out var index, out error)) return null;
                    indexes.Add(index);
                }
                if (indexes.Distinct().Count() != indexes.Count)
                {
                    error = DomainText.SurveyOptionOnce;
                    return null;
                }
                return indexes.Count == 0 ? null : new SurveyAnswer(Options: [.. indexes.Order()]);
            case QuestionKind.Likert:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var level)
                    || level is < SurveyQuestion.LikertMin or > SurveyQuestion.LikertMax)
                {
                    error = DomainText.SurveyLikertRange(SurveyQuestion.LikertMin, SurveyQuestion.LikertMax);
                    return null;
                }
                return new SurveyAnswer(Number: level);
            case QuestionKind.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                {
                    error = DomainText.SurveyAnswerNumber;
                    return null;
                }
                if (question.Min is { } min && number < min || question.Max is { } max && number > max)
                {
                    error = DomainText.SurveyNumberRange(Bounds(question));
                    return null;
                }
                return new SurveyAnswer(Number: number);
            default:
                if (value.ValueKind != JsonValueKind.String)
                {
                    error = DomainText.SurveyAnswerText;
                    return null;
                }
                var text = value.GetString()!;
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (text.Length > MaxTextLength) error = DomainText.SurveyAnswerTooLong(MaxTextLength);
                else if (!Feedback.TextRules.IsStorable(text)) error = Feedback.TextRules.InvalidCharacters;
                return error is null ? new SurveyAnswer(Text: text) : null;
        }
    }

    private static bool OptionIndex(JsonElement value, SurveyQuestion question, out int index, out string? error)
    {
        error = null;
        if (value.ValueKind == JsonValueKind.String)
        {
            var matches = OptionsNamed(question, value.GetString()!);
            index = matches.Count == 1 ? matches[0] : -1;
            if (matches.Count > 1) error = DomainText.SurveyOptionAmbiguous;
            else if (matches.Count == 0) error = DomainText.SurveyOptionUnknown(question.Options.Count - 1);
            return matches.Count == 1;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out index) && index >= 0 && index < question.Options.Count)
            return true;
        index = -1;
        error = DomainText.SurveyOptionFormat(question.Options.Count - 1);
        return false;
    }

    /// <summary>
    /// The indexes of the options whose text is <paramref name="text"/>: spaces around it, Unicode composition
    /// (a decomposed "ý" from some keyboards) and, when no option matches exactly, letter case aside.
    /// More than one index means the text does not say which option is meant.
    /// </summary>
    public static IReadOnlyList<int> OptionsNamed(SurveyQuestion question, string text)
    {
        static string Plain(string s) => s.Trim().Normalize(NormalizationForm.FormC);
        var wanted = Plain(text);
        List<int> Matching(StringComparison comparison) =>
            [.. question.Options.Select((option, i) => (option, i)).Where(o => string.Equals(Plain(o.option), wanted, comparison)).Select(o => o.i)];
        var exact = Matching(StringComparison.Ordinal);
        return exact.Count > 0 ? exact : Matching(StringComparison.OrdinalIgnoreCase);
    }

    private static string Bounds(SurveyQuestion question) =>
        $"{question.Min?.ToString() ?? "−∞"} – {question.Max?.ToString() ?? "+∞"}";
}
