using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Withdrawing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Me;

/// <summary>"Góp ý của tôi": the expert's own items, to revise or withdraw.</summary>
[Authorize(Policy = Policies.GiveFeedback)]
public sealed class FeedbackModel(FeedbackQueries queries, WithdrawFeedbackHandler withdraw, IStringLocalizer<SharedResource> texts) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    /// <summary>Consultations whose responses are published: only their responses are shown.</summary>
    public IReadOnlySet<Guid> PublicResponses { get; private set; } = new HashSet<Guid>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Items = await queries.Mine(SignedInCaller.Of(User).UserName, cancellation);
        PublicResponses = await queries.WithPublicResponses(Items, cancellation);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, long version, CancellationToken cancellation)
    {
        var outcome = await withdraw.Handle(new WithdrawFeedback(id, SignedInCaller.Of(User), version), cancellation);
        Message = outcome.Decision.Accepted ? texts["MyFeedbackWithdrawn"] : outcome.Decision.Reason;
        return RedirectToPage();
    }
}
