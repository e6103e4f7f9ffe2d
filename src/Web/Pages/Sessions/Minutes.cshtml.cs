using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Review.Minutes.Editing;
using Nq45Consult.Consultation.Review.Minutes.Finalising;
using Nq45Consult.Consultation.Review.Minutes.Generating;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Sessions;

/// <summary>/sessions/{id}/minutes: the session's minutes, generated once it has ended, edited, finalised, downloaded as DOCX.</summary>
[Authorize]
public sealed class MinutesModel(
    MinutesQueries queries, GenerateMinutesHandler generate, EditMinutesHandler edit, FinaliseMinutesHandler finalise,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public DialogueSession Session { get; private set; } = null!;
    public SessionMinutes? Minutes { get; private set; }
    public bool MayEdit { get; private set; }

    [BindProperty] public MinutesForm Form { get; set; } = new();

    public sealed class MinutesForm
    {
        public string? Organiser { get; set; }
        public string? Heading { get; set; }
        public string? Place { get; set; }
        public int? Participants { get; set; }
        public string? Chair { get; set; }
        public string? Secretary { get; set; }
        public List<string?> Steps { get; set; } = [];
        public string? Conclusions { get; set; }

        public MinutesChanges ToChanges() =>
            new(Organiser, Heading, Place, Participants, Chair, Secretary, Steps.Count == 0 ? null : Steps, Conclusions);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await Load(id, cancellation) is { } refused) return refused;
        if (Minutes?.Content is { } c)
            Form = new()
            {
                Organiser = c.Organiser, Heading = c.Heading, Place = c.Place, Participants = c.Participants, Chair = c.Chair,
                Secretary = c.Secretary, Steps = [.. c.Steps.Select(s => (string?)s.Text)], Conclusions = c.Conclusions,
            };
        return Page();
    }

    public Task<IActionResult> OnPostGenerateAsync(Guid id, CancellationToken cancellation) =>
        Change(id, () => generate.Handle(new GenerateMinutes(id, CallerClaims.From(User)!), cancellation), "MinutesGenerated", cancellation);

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellation) =>
        Change(id, () => edit.Handle(new EditMinutes(id, Form.ToChanges(), CallerClaims.From(User)!), cancellation), "MinutesSaved", cancellation);

    public Task<IActionResult> OnPostFinaliseAsync(Guid id, CancellationToken cancellation) =>
        Change(id, () => finalise.Handle(new FinaliseMinutes(id, CallerClaims.From(User)!), cancellation), "MinutesFinalised", cancellation);

    /// <summary>Post, redirect, get: the change's confirmation on the page again, or its refusal next to the form (403 and 404 as such).</summary>
    private async Task<IActionResult> Change(Guid id, Func<Task<Decision>> change, string confirmation, CancellationToken cancellation)
    {
        var decision = await change();
        if (decision.Accepted)
        {
            TempData["Message"] = texts[confirmation].Value;
            return Redirect($"/sessions/{id}/minutes");
        }
        if (decision.Refusal == Refusal.Forbidden) return Forbid();
        if (await Load(id, cancellation) is { } refused) return refused;
        if (decision.Refusal == Refusal.NotFound) return NotFound();
        ModelState.AddDecisionErrors(decision, "Form.");
        return Page();
    }

    private async Task<IActionResult?> Load(Guid id, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User)!;
        var found = await queries.Find(id, caller, cancellation);
        if (!found.Allowed) return Forbid();
        if (found.Session is null) return NotFound();
        (Session, Minutes, MayEdit) = (found.Session, found.Minutes, found.MayEdit);
        return null;
    }
}
