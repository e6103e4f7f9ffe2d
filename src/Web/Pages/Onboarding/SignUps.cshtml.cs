using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Onboarding.Approving;
using Nq45Consult.Consultation.Onboarding.Declining;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Nq45Consult.Web.Pages.Onboarding;

/// <summary>/moderation/signups: verified sign-ups waiting for a moderator, longest first, a page at a time; approve, or decline with a reason.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class SignUpsModel(
    SignUpQueries queries, ApproveSignUpHandler approve, DeclineSignUpHandler decline, IOptions<OnboardingOptions> options,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SignUpPage Queue { get; private set; } = new([], 1, 1, 0);

    [TempData] public string? Message { get; set; }

    /// <summary>The refusal of the last decision, shown above the queue.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await Load(cancellation);

    public async Task<IActionResult> OnPostApproveAsync(string? userName, CancellationToken cancellation) =>
        await After(await approve.Handle(new ApproveSignUp(userName ?? "", CallerClaims.From(User)!), cancellation), "SignUpsApproved", userName, cancellation);

    public async Task<IActionResult> OnPostDeclineAsync(string? userName, string? reason, CancellationToken cancellation) =>
        await After(await decline.Handle(new DeclineSignUp(userName ?? "", reason, CallerClaims.From(User)!), cancellation), "SignUpsDeclined", userName, cancellation);

    private async Task<IActionResult> After(SignUpOutcome outcome, string done, string? userName, CancellationToken cancellation)
    {
        if (outcome.Decision.Accepted)
        {
            Message = texts[done, userName ?? ""];
            return RedirectToPage(new { p = PageNumber });
        }
        Problem = outcome.Decision.Reason;
        await Load(cancellation);
        return Page();
    }

    private async Task Load(CancellationToken cancellation) =>
        Queue = (await queries.List(CallerClaims.From(User), SignUpStatus.Pending, PageNumber, options.Value.PageSize, cancellation))!;
}
