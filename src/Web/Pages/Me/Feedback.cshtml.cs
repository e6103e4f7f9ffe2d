using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Withdrawing;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Pages.Consultations;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Me;

/// <summary>"Góp ý của tôi": the expert's own items, to revise or withdraw.</summary>
[Authorize(Policy = Policies.GiveFeedback)]
public sealed class FeedbackModel(
    FeedbackQueries queries, ConsultationQueries consultations, WithdrawFeedbackHandler withdraw, CarriedFeedback carried,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    private readonly Dictionary<(Guid Consultation, int Version, string Anchor), string> sectionNames = [];

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
        foreach (var (consultation, written) in Items.Where(i => i.SectionAnchor is not null).Select(i => (i.ConsultationId, i.DraftVersion)).Distinct())
        {
            var version = await consultations.Version(consultation, written, cancellation);
            foreach (var (anchor, label) in SectionNameText.Of(texts, version?.Sections ?? [])) sectionNames[(consultation, written, anchor)] = label;
        }
    }

    /// <summary>The item's section named in people's words, as the version it was written on numbers it.</summary>
    public string SectionName(FeedbackItem item) =>
        sectionNames.GetValueOrDefault((item.ConsultationId, item.DraftVersion, item.SectionAnchor!)) ?? texts["MyFeedbackSection", item.SectionAnchor!];

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, long version, CancellationToken cancellation)
    {
        var outcome = await withdraw.Handle(new WithdrawFeedback(id, SignedInCaller.Of(User), version), cancellation);
        Message = outcome.Decision.Accepted ? texts["MyFeedbackWithdrawn"] : outcome.Decision.Reason;
        return RedirectToPage();
    }
}
