using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Reporting;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Limits;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>/consultations/{slug}: the draft with its table of contents, one element per section at #anchor.</summary>
/// <remarks>Its only form reports an item, hence the reports' limit on what is posted here.</remarks>
[EnableRateLimiting(RateLimits.Reports)]
public sealed class ConsultationModel(
    ConsultationQueries queries, FeedbackQueries feedback, Consultation.Surveys.SurveyQueries surveys, TimeProvider time,
    ReportFeedbackHandler report, Consultation.Dialogue.DialogueQueries dialogue, Consultation.OpinionMap.OpinionMapQueries opinionMap,
    AgencyQueries agencies, CarriedFeedback carried, IStringLocalizer<SharedResource> texts) : PageModel
{
    /// <summary>The agency the consultation names as its drafter, by its name today; null when it names none.</summary>
    public Agency? DraftingAgency { get; private set; }

    public ConsultationDetails Consultation { get; private set; } = null!;
    public DraftVersion? Shown { get; private set; }
    public ILookup<string?, SectionSnapshot> Children { get; private set; } = Array.Empty<SectionSnapshot>().ToLookup(s => s.ParentAnchor);
    public DateTimeOffset Now { get; private set; }
    public bool CanManage => CallerClaims.From(User)?.IsModerator == true;
    public bool HasSurvey { get; private set; }

    /// <summary>Whether the consultation has an opinion map turned on (the page links to it).</summary>
    public bool HasOpinionMap { get; private set; }

    public bool CanReview => CallerClaims.From(User)?.IsReviewer == true;

    /// <summary>The public items of each section (null: the whole draft), each with its response once published.</summary>
    public ILookup<string?, FeedbackItem> Items { get; private set; } = Array.Empty<FeedbackItem>().ToLookup(i => i.SectionAnchor);

    /// <summary>
    /// Items written on an earlier version, when the current version is shown: listed under the section they now belong
    /// to (with the general remarks when it was removed), each with what the new version did to it.
    /// </summary>
    public IReadOnlyDictionary<Guid, CarriedAt> Carried { get; private set; } = new Dictionary<Guid, CarriedAt>();

    /// <summary>The public questions asked about each section in the consultation's live sessions, for those who may join them.</summary>
    public ILookup<string, Consultation.Dialogue.DraftQuestion> Questions { get; private set; } =
        Array.Empty<Consultation.Dialogue.DraftQuestion>().ToLookup(q => q.SectionAnchor);

    [TempData] public Guid? ReportedItem { get; set; }
    [TempData] public bool ReportSent { get; set; }
    [TempData] public string? ReportMessage { get; set; }

    /// <summary>The items of <paramref name="anchor"/> as the partial lists them, with the report form for the signed-in expert.</summary>
    public SectionFeedback FeedbackOf(string? anchor)
    {
        var reporter = CallerClaims.From(User) is { IsExpert: true } user ? user.UserName : null;
        var notice = ReportedItem is { } id && ReportMessage is { } text ? new ReportNotice(id, ReportSent, text) : null;
        var current = Shown?.Version == Consultation.CurrentVersion ? new ShownVersion(Consultation.Slug, Consultation.CurrentVersion) : null;
        return new SectionFeedback(anchor, [.. Items[anchor]], Consultation.ResponsesArePublic, reporter, notice, Carried, current);
    }

    public async Task<IActionResult> OnGetAsync(string slug, int? version, CancellationToken cancellation)
    {
        var found = await queries.Visible(slug, CallerClaims.From(User), cancellation);
        if (found is null) return NotFound();
        (Consultation, Now) = (found, time.GetUtcNow());
        Shown = await queries.Version(found.Id, version ?? found.CurrentVersion, cancellation);
        if (version is not null && Shown is null) return NotFound();
        Children = (Shown?.Sections ?? []).ToLookup(s => s.ParentAnchor);
        HasSurvey = await surveys.Find(found.Id, cancellation) is not null;
        HasOpinionMap = await opinionMap.Scope(found.Id, cancellation) is not null;
        DraftingAgency = found.DraftingAgencyId is { } agency ? await agencies.Find(agency, cancellation) : null;
        var published = await feedback.List(found.Id, null, null, [FeedbackStatus.Published], cancellation);
        if (Shown?.Version == found.CurrentVersion)
            Carried = await carried.At(found, published, cancellation);
        Items = published.ToLookup(i => Carried.TryGetValue(i.Id, out var moved) ? moved.Item.CurrentAnchor : i.SectionAnchor);
        Questions = await dialogue.AboutDraft(found, CallerClaims.From(User), cancellation);
        return Page();
    }

    /// <summary>An expert reports an item listed on the page; the answer comes back next to the item (post, redirect, get).</summary>
    public async Task<IActionResult> OnPostReportAsync(string slug, Guid item, string? category, string? reason, CancellationToken cancellation)
    {
        if (CallerClaims.From(User) is not { } reporter) return Challenge();
        var found = await queries.Visible(slug, reporter, cancellation);
        if (found is null) return NotFound();
        var outcome = await report.Handle(new ReportFeedback(item, reason, reporter, category, found.Id), cancellation);
        (ReportedItem, ReportSent) = (item, outcome.Decision.Accepted);
        ReportMessage = outcome.Decision.Accepted
            ? texts["ReportSent"]
            // An invalid report's reason is its first field error: say each error once.
            : outcome.Decision.Errors.Count > 0
                ? string.Join(" ", outcome.Decision.Errors.Values.SelectMany(m => m))
                : outcome.Decision.Reason ?? texts["ReportNotSent"];
        return Redirect($"/consultations/{found.Slug}#item-{item}");
    }
}
