using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Onboarding.SigningUp;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Pages.Onboarding;

/// <summary>/account/signup: anyone asks for an account (the same handler as <c>POST /api/auth/signup</c>); the answer is the same whether the address is known or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignUp)]
public sealed class SignUpModel(RequestSignUpHandler handler, AssociationQueries associations, IOptions<ConsultationOptions> consultation, IOptions<AuthOptions> auth)
    : PageModel
{
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string AcademicTitle { get; set; } = "none";
    [BindProperty] public string Degree { get; set; } = "other";
    [BindProperty] public List<string> Fields { get; set; } = [];
    [BindProperty] public string? Organization { get; set; }
    [BindProperty] public string? Association { get; set; }

    /// <summary>"yes" or "no": an answer must be chosen, neither is pre-selected.</summary>
    [BindProperty] public string? InProvince { get; set; }

    /// <summary>The request was taken: the page says to open the e-mail, without saying whether the address was known.</summary>
    public bool Sent { get; private set; }

    public bool EntraId => auth.Value.IsEntraId;

    public IReadOnlyList<string> AllowedFields => consultation.Value.AllowedFields;

    public IReadOnlyList<MemberAssociation> Associations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Associations = await Open(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (EntraId) return NotFound();
        bool? inProvince = InProvince switch { "yes" => true, "no" => false, _ => null };
        var decision = await handler.Handle(
            new RequestSignUp(UserName, Email, Password, FullName, AcademicTitle, Degree, Fields, Organization, Association, inProvince, RequestLanguage.Current), cancellation);
        Password = null;
        if (decision.Accepted) Sent = true;
        else ModelState.AddDecisionErrors(decision);
        Associations = await Open(cancellation);
        return Page();
    }

    private async Task<IReadOnlyList<MemberAssociation>> Open(CancellationToken cancellation) =>
        [.. (await associations.All(cancellation)).Where(a => !a.Retired)];
}
