using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations/new: a moderator creates a consultation (draft state) through <see cref="CreateConsultationHandler"/>, as the API does.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class NewModel(CreateConsultationHandler create, AgencyQueries agencyList, IOptions<ConsultationOptions> options, TimeProvider time, IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty] public ConsultationForm Form { get; set; } = new();

    public IReadOnlyList<string> AllowedFields => options.Value.AllowedFields;

    /// <summary>The agencies the form offers as the drafting agency.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Form = ConsultationForm.New(time.GetUtcNow());
        Agencies = await agencyList.All(cancellation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var outcome = await create.Handle(new(null, Form.ToInput(), CallerClaims.From(User)!), cancellation);
        if (outcome.Consultation is null)
        {
            Agencies = await agencyList.All(cancellation);
            ModelState.AddDecisionErrors(outcome.Decision!, "Form.");
            return Page();
        }
        TempData["Message"] = texts["ConsCreated", outcome.Consultation.Title].Value;
        if (outcome.Decision!.Warnings.Count > 0) TempData["Warning"] = string.Join(" ", outcome.Decision.Warnings);
        return Redirect($"/consultations/{outcome.Consultation.Slug}/manage");
    }
}
