using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Consultation.Surveys.Defining;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Surveys;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>
/// The moderator's survey editor: the questions as the JSON of <c>PUT /api/consultations/{id}/survey</c>, and
/// whether results become public after closing. Validation messages name the question and field.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class EditModel(SurveyQueries queries, DefineSurveyHandler define, IStringLocalizer<SharedResource> texts) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ConsultationDetails Consultation { get; private set; } = null!;
    public Survey? Current { get; private set; }

    [BindProperty] public string? QuestionsJson { get; set; }
    [BindProperty] public bool ResultsPublic { get; set; }

    /// <summary>A sample survey in the reader's language, offered until one is defined.</summary>
    private string Example() => JsonSerializer.Serialize(new object[]
    {
        new { id = "vai-tro", kind = "single", text = texts["SurveySampleRole"].Value,
            options = new[] { texts["SurveySampleScientist"].Value, texts["SurveySampleManager"].Value }, required = true },
        new { id = "ro-rang", kind = "likert", text = texts["SurveySampleClarity"].Value, required = true },
        new { id = "kinh-nghiem", kind = "number", text = texts["SurveySampleYears"].Value, min = 0, max = 60 },
        new { id = "y-kien", kind = "text", text = texts["SurveySampleOther"].Value },
    }, Json);

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        QuestionsJson = Current is null ? Example() : JsonSerializer.Serialize(SurveyView.Of(Current).Questions, Json);
        ResultsPublic = Current?.ResultsPublic ?? false;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        List<QuestionInput?>? questions;
        try
        {
            questions = JsonSerializer.Deserialize<List<QuestionInput?>>(QuestionsJson ?? "", Json);
        }
        catch (JsonException e)
        {
            ModelState.AddModelError(nameof(QuestionsJson), texts["SurveyEditBadJson", (e.LineNumber ?? 0) + 1].Value);
            return Page();
        }
        var decision = await define.Handle(new DefineSurvey(consultationId, questions, ResultsPublic, SignedInCaller.Of(User).UserName), cancellation);
        if (!decision.Accepted)
        {
            foreach (var (field, messages) in decision.Errors)
                ModelState.AddModelError(nameof(QuestionsJson), $"{field}: {string.Join(" ", messages)}");
            if (decision.Errors.Count == 0) ModelState.AddModelError(nameof(QuestionsJson), decision.Reason ?? texts["SurveyEditNotSaved"].Value);
            return Page();
        }
        TempData["Message"] = texts["SurveyEditSaved"].Value;
        return Redirect($"/surveys/{consultationId}/edit");
    }

    private async Task<bool> Load(Guid consultationId, CancellationToken cancellation)
    {
        var (consultation, survey) = await queries.Load(consultationId, cancellation);
        if (consultation is null) return false;
        (Consultation, Current) = (consultation, survey);
        return true;
    }
}
