using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Withdrawing;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Pages.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Me;

/// <summary>"Góp ý của tôi": the expert's own items, to revise or withdraw.</summary>
[Authorize(Policy = Policies.GiveFeedback)]
public sealed class FeedbackModel(FeedbackQueries queries, WithdrawFeedbackHandler withdraw, CarriedFeedback carried, IStringLocalizer<SharedResource> texts) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    /// <summary>The items written on an earlier version than their consultation's current one: what the new version did to each.</summary>
    public IReadOnlyDictionary<Guid, CarriedAt> Carried { get; private set; } = new Dictionary<Guid, CarriedAt>();

    /// <summary>General remarks written on an earlier version: the note against the current one and the whole-draft diff.</summary>
    public IReadOnlyDictionary<Guid, EarlierRemark> EarlierRemarks { get; private set; } = new Dictionary<Guid, EarlierRemark>();

    /// <summary>Consultations whose responses are published: only their responses are shown.</summary>
    public IReadOnlySet<Guid> PublicResponses { get; private set; } = new HashSet<Guid>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var caller = SignedInCaller.Of(User);
        Items = await queries.Mine(caller.UserName, cancellation);
        var own = await carried.Own(caller, Items, cancellation);
        Carried = own.Carried;
        EarlierRemarks = Items.Where(i => own.GeneralRemarks.ContainsKey(i.Id)).ToDictionary(
            i => i.Id, i => new EarlierRemark(own.GeneralRemarks[i.Id].Slug, i.DraftVersion, own.GeneralRemarks[i.Id].CurrentVersion));
        PublicResponses = await queries.WithPublicResponses(Items, cancellation);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, long version, CancellationToken cancellation)
    {
        var outcome = await withdraw.Handle(new WithdrawFeedback(id, SignedInCaller.Of(User), version), cancellation);
        Message = outcome.Decision.Accepted ? texts["MyFeedbackWithdrawn"] : outcome.Decision.Reason;
        return RedirectToPage();
    }
}
