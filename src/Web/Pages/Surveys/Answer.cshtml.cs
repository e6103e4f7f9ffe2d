using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Consultation.Surveys.Answering;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>
/// Fill in a consultation's survey. The form posts one field per question (<c>q.&lt;id&gt;</c>); the values are
/// turned into the API's answer shapes and judged by the same rules, so the messages are the domain's.
/// </summary>
[Authorize(Policy = Policies.GiveFeedback)]
public sealed class AnswerModel(SurveyQueries queries, AnswerSurveyHandler answer, IStringLocalizer<SharedResource> texts) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public Survey Survey { get; private set; } = null!;

    /// <summary>The values to show per question: the posted ones after an error, else the expert's current response.</summary>
    public Dictionary<string, IReadOnlyList<string>> Values { get; } = new(StringComparer.Ordinal);

    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        var mine = await queries.ResponseOf(consultationId, SignedInCaller.Of(User).UserName, cancellation);
        if (mine is not null && mine.Revision == Survey.Revision)
        {
            Answered = true;
            foreach (var (id, answer) in mine.Answers) Values[id] = Shown(answer);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var question in Survey.Questions)
        {
            var posted = Request.Form[FieldOf(question)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            Values[question.Id] = posted;
            if (Answer(question, posted) is { } value) answers[question.Id] = value;
        }
        var outcome = await answer.Handle(new AnswerSurvey(consultationId, answers, SignedInCaller.Of(User)), cancellation);
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision);
            return Page();
        }
        TempData["Message"] = (outcome.Version == 1 ? texts["SurveyAnswerSent"] : texts["SurveyAnswerUpdated"]).Value;
        return Redirect($"/surveys/{consultationId}");
    }

    public static string FieldOf(SurveyQuestion question) => $"q.{question.Id}";

    public string? ErrorOf(SurveyQuestion question) =>
        ModelState.TryGetValue(SurveyAnswers.Key(question.Id), out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public bool Has(SurveyQuestion question, string value) => Values.GetValueOrDefault(question.Id)?.Contains(value) == true;

    public string ValueOf(SurveyQuestion question) => Values.GetValueOrDefault(question.Id)?.FirstOrDefault() ?? "";

    private async Task<bool> Load(Guid consultationId, CancellationToken cancellation)
    {
        var (consultation, survey) = await queries.Load(consultationId, cancellation);
        if (consultation is not { IsPublished: true } || survey is null) return false;
        (Consultation, Survey) = (consultation, survey);
        return true;
    }

    /// <summary>The API's shape of a posted value; text the kind cannot read is passed on as text, for the rules to refuse by name.</summary>
    private static JsonElement? Answer(SurveyQuestion question, IReadOnlyList<string> posted)
    {
        if (posted.Count == 0) return null;
        return question.Kind switch
        {
            QuestionKind.Multiple => JsonSerializer.SerializeToElement(posted.Select(v => int.TryParse(v, out var i) ? i : -1)),
            QuestionKind.Text => JsonSerializer.SerializeToElement(posted[0]),
            _ => decimal.TryParse(posted[0].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? JsonSerializer.SerializeToElement(number)
                : JsonSerializer.SerializeToElement(posted[0]),
        };
    }

    private static IReadOnlyList<string> Shown(SurveyAnswer answer) =>
        answer.Options is { } options ? [.. options.Select(o => o.ToString(CultureInfo.InvariantCulture))]
        : answer.Number is { } number ? [number.ToString(CultureInfo.InvariantCulture)]
        : [answer.Text ?? ""];
}
