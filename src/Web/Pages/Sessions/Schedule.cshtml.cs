using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Dialogue.Scheduling;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/consultations/{slug}/sessions: a consultation's sessions for moderators, and the form that schedules one.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class ScheduleModel(ConsultationQueries consultations, DialogueQueries queries, ScheduleSessionHandler handler) : PageModel
{
    /// <summary>The agenda choice that means "the steps typed below".</summary>
    public const string OwnAgenda = "own";

    /// <summary>Times on the form are Vietnam's (UTC+7), as <c>datetime-local</c> carries none.</summary>
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<SessionListing> Sessions { get; private set; } = [];

    [BindProperty] public ScheduleInput Input { get; set; } = new();

    public sealed class ScheduleInput
    {
        public string? Title { get; set; }
        [DataType(DataType.DateTime)] public DateTime? StartsAt { get; set; }
        public string? Agenda { get; set; }
        public string? AgendaSteps { get; set; }
        public bool PreModeration { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await Load(slug, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellation)
    {
        if (!await Load(slug, cancellation)) return NotFound();
        var own = Input.Agenda == OwnAgenda;
        var command = new ScheduleSession(
            Guid.CreateVersion7(), Consultation.Id, Input.Title,
            Input.StartsAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), Vietnam) : null,
            own || string.IsNullOrEmpty(Input.Agenda) ? null : Input.Agenda, Input.PreModeration, CallerClaims.From(User)!,
            own ? (Input.AgendaSteps ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null);
        var outcome = await handler.Handle(command, cancellation);
        if (outcome.Decision.Accepted) return Redirect($"/consultations/{slug}/sessions");
        ModelState.AddModelError($"{nameof(Input)}.{FormField(outcome.Decision.Field)}", outcome.Decision.Reason!);
        return Page();
    }

    private async Task<bool> Load(string slug, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return false;
        Consultation = found;
        Sessions = await queries.OfConsultation(found, CallerClaims.From(User), cancellation) ?? [];
        return true;
    }

    /// <summary>The form's field for a field the decision names.</summary>
    private static string FormField(string? field) => field switch
    {
        "startsAt" => nameof(ScheduleInput.StartsAt),
        "agenda" => nameof(ScheduleInput.Agenda),
        "agendaSteps" => nameof(ScheduleInput.AgendaSteps),
        _ => nameof(ScheduleInput.Title),
    };
}
