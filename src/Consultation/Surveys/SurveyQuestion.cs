using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>How a question is answered: <c>single | multiple | likert | number | text</c>.</summary>
public enum QuestionKind
{
    Single,
    Multiple,
    Likert,
    Number,
    Text,
}

/// <summary>
/// One question of a survey. <see cref="Options"/> (choice questions only) keep the order the moderator gave;
/// answers refer to them by index, so that order never changes while answers exist.
/// </summary>
public sealed record SurveyQuestion(
    string Id,
    QuestionKind Kind,
    string Text,
    IReadOnlyList<string> Options,
    bool Required,
    decimal? Min,
    decimal? Max)
{
    public const int LikertMin = 1;
    public const int LikertMax = 5;

    public bool IsChoice => Kind is QuestionKind.Single or QuestionKind.Multiple;

    public bool SameAs(SurveyQuestion other) =>
        Id == other.Id && Kind == other.Kind && Text == other.Text && Required == other.Required
        && Min == other.Min && Max == other.Max && Options.SequenceEqual(other.Options);
}

/// <summary>A question as the moderator sends it, kind still as text, so each bad field is reported by name.</summary>
public sealed record QuestionInput(string? Id, string? Kind, string? Text, IReadOnlyList<string?>? Options, bool? Required, decimal? Min, decimal? Max);

/// <summary>Validates the questions of a survey definition; errors are keyed <c>questions[i].field</c>.</summary>
public static partial class SurveyQuestions
{
    public const int MaxQuestions = 100;
    public const int MaxOptions = 50;
    public const int MaxTextLength = 2_000;
    public const int MaxOptionLength = 500;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    public static IReadOnlyList<SurveyQuestion>? From(IReadOnlyList<QuestionInput?>? inputs, Dictionary<string, string[]> errors)
    {
        if (inputs is not { Count: > 0 })
        {
            errors["questions"] = [DomainText.SurveyNeedsQuestion];
            return null;
        }
        if (inputs.Count > MaxQuestions)
        {
            errors["questions"] = [DomainText.SurveyTooManyQuestions(MaxQuestions)];
            return null;
        }
        var questions = new List<SurveyQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var question = Question(inputs[i], $"questions[{i}]", errors);
            if (question is null) continue;
            if (!ids.Add(question.Id)) errors[$"questions[{i}].id"] = [DomainText.SurveyQuestionIdDuplicate(question.Id)];
            questions.Add(question);
        }
        return errors.Count > 0 ? null : questions;
    }

    private static SurveyQuestion? Question(QuestionInput? input, string at, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        if (input is null)
        {
            errors[at] = [DomainText.SurveyQuestionEmpty];
            return null;
        }
        if (input.Id is null || !IdPattern().IsMatch(input.Id))
            errors[$"{at}.id"] = [DomainText.SurveyQuestionIdFormat];
        if (!KebabCase.TryParse<QuestionKind>(input.Kind, out var kind))
            errors[$"{at}.kind"] = [DomainText.QuestionKindMustBeOneOf(KebabCase.Names<QuestionKind>())];
        Feedback.TextRules.Check(input.Text, $"{at}.text", MaxTextLength, required: true, DomainText.LabelQuestionText, errors);
        var options = Options(input.Options ?? [], kind, at, errors);
        if (kind == QuestionKind.Number && input.Min is { } min && input.Max is { } max && min > max)
            errors[$"{at}.max"] = [DomainText.SurveyMaxBelowMin];
        if (kind != QuestionKind.Number && (input.Min is not null || input.Max is not null))
            errors[$"{at}.min"] = [DomainText.SurveyBoundsNumberOnly];
        if (errors.Count > before) return null;
        return new SurveyQuestion(input.Id!, kind, input.Text!, options, input.Required ?? false, input.Min, input.Max);
    }

    private static List<string> Options(IReadOnlyList<string?> options, QuestionKind kind, string at, Dictionary<string, string[]> errors)
    {
        var choice = kind is QuestionKind.Single or QuestionKind.Multiple;
        if (!choice)
        {
            if (options.Count > 0) errors[$"{at}.options"] = [DomainText.SurveyOptionsChoiceOnly];
            return [];
        }
        if (options.Count is < 2 or > MaxOptions)
        {
            errors[$"{at}.options"] = [DomainText.SurveyOptionsCount(MaxOptions)];
            return [];
        }
        for (var j = 0; j < options.Count; j++)
            Feedback.TextRules.Check(options[j], $"{at}.options[{j}]", MaxOptionLength, required: true, DomainText.LabelOption, errors);
        if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            errors[$"{at}.options"] = [DomainText.SurveyOptionsDistinct];
        return [.. options.Select(o => o!)];
    }
}
