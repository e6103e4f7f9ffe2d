using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Recording;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Feedback;

/// <summary>/feedback/on-behalf/{consultationId}: a moderator records a comment received on paper, from an organisation or at a meeting.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class OnBehalfModel(ConsultationQueries consultations, RecordFeedbackOnBehalfHandler handler, IStringLocalizer<SharedResource> texts) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public IReadOnlyList<SectionSnapshot> Sections { get; private set; } = [];

    [BindProperty] public OnBehalfForm Form { get; set; } = new();

    /// <summary>Field names follow the command's (<c>provenance.sender</c> → <c>Form.Provenance.Sender</c>), so refusals land next to their field.</summary>
    public sealed class OnBehalfForm
    {
        public string? SectionAnchor { get; set; }
        public string? Stance { get; set; } = "amend";
        public string? ProposedText { get; set; }
        public string? Rationale { get; set; }
        public ProvenanceForm Provenance { get; set; } = new();
    }

    public sealed class ProvenanceForm
    {
        public string? Kind { get; set; } = "paper-letter";
        public string? Sender { get; set; }
        public string? DocumentReference { get; set; }
        public string? ReceivedOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation) =>
        await Load(consultationId, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid consultationId, CancellationToken cancellation)
    {
        if (!await Load(consultationId, cancellation)) return NotFound();
        var p = Form.Provenance;
        var outcome = await handler.Handle(new RecordFeedbackOnBehalf(
            consultationId, string.IsNullOrEmpty(Form.SectionAnchor) ? null : Form.SectionAnchor,
            new FeedbackInput(null, Form.Stance, Form.ProposedText, Form.Rationale, [], "named"),
            new ProvenanceInput(p.Kind, p.Sender, p.DocumentReference, p.ReceivedOn), CallerClaims.From(User)!), cancellation);
        if (!outcome.Decision.Accepted)
        {
            ModelState.AddDecisionErrors(outcome.Decision, "Form.");
            return Page();
        }
        TempData["Message"] = texts["OnBehalfRecorded"].Value;
        return Redirect($"/consultations/{Consultation.Slug}#item-{outcome.Id}");
    }

    private async Task<bool> Load(Guid consultationId, CancellationToken cancellation)
    {
        if (await consultations.Find(consultationId.ToString(), cancellation) is not { } found) return false;
        Consultation = found;
        Sections = found.CurrentVersion == 0 ? [] : (await consultations.Version(found.Id, found.CurrentVersion, cancellation))?.Sections ?? [];
        return true;
    }
}
