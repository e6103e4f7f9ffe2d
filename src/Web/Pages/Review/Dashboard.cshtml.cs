using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Responding;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Consultation.Review.Responding;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Review;

/// <summary>/review/{slug}: the officials' and moderators' dashboard — heat map, charts, filtered items, inline responses.</summary>
[Authorize(Policy = Policies.ReviewFeedback)]
public sealed class DashboardModel(
    ConsultationQueries consultations, ReviewDashboard dashboard, ReviewProgressQuery progress, NearDuplicates duplicates, CarriedFeedback carried,
    RespondToFeedbackHandler respond, RespondToGroupHandler respondToGroup, PublishResponsesHandler publish, TimeProvider time,
    FeedbackBreakdown breakdown, IOptions<ConsultationOptions> options, AcceptanceReport report, SetReportDetailsHandler setReportDetails,
    IStringLocalizer<SharedResource> texts) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public DashboardData Data { get; private set; } = null!;
    public FeedbackBreakdownData Breakdown { get; private set; } = null!;
    public IReadOnlyList<string> Fields => options.Value.AllowedFields;
    public ReviewProgress Progress { get; private set; } = null!;
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];
    public IReadOnlyList<DuplicateGroup> Duplicates { get; private set; } = [];
    public IReadOnlyDictionary<Guid, CarriedItem> Carried { get; private set; } = new Dictionary<Guid, CarriedItem>();
    public int Total { get; private set; }
    public IReadOnlyDictionary<string, string[]> FilterErrors { get; private set; } = new Dictionary<string, string[]>();
    public DateTimeOffset Now { get; private set; }

    /// <summary>The report's letterhead details as set (null: never), and what the report prints from them.</summary>
    public ReportDetails? DetailsSet { get; private set; }
    public Letterhead Printed { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stance { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Responded { get; set; }
    [BindProperty(SupportsGet = true)] public string? Proposed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [TempData] public string? Message { get; set; }

    public bool IsOfficial => CallerClaims.From(User)?.IsOfficial == true;
    /// <summary>Officials of the drafting agency the consultation names (any official where it names none) answer once it closed.</summary>
    public bool CanRespond => MayRespond && Consultation.Status == ConsultationStatus.Closed;

    /// <summary>An official of another agency reads everything officials read but answers nothing here.</summary>
    public bool MayRespond => CallerClaims.From(User) is { } caller && DraftingAgencies.MayRespond(caller, Consultation.DraftingAgencyId);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        Consultation = found;
        Now = time.GetUtcNow();
        Data = await dashboard.Data(found, cancellation);
        Breakdown = await breakdown.Of(found.Id, Fields, cancellation);
        Progress = await progress.Of(found, cancellation);
        Duplicates = await duplicates.Groups(found.Id, cancellation);
        Carried = (await carried.Of(found, cancellation)).ToDictionary(c => c.FeedbackId);
        (DetailsSet, Printed) = await report.LetterheadOf(found, cancellation);
        var errors = new Dictionary<string, string[]>();
        var filter = ItemFilter.From(Section, Stance, Status, Responded, Proposed, Q, Field, Fields, errors);
        FilterErrors = errors;
        if (errors.Count == 0) (Items, Total) = await dashboard.Items(found.Id, filter, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(string slug, Guid id, string? decision, string? explanation, CancellationToken cancellation)
    {
        var outcome = await respond.Handle(new RespondToFeedback(id, decision, explanation, SignedInCaller.Of(User)), cancellation);
        Message = outcome.Decision.Accepted
            ? texts["ReviewResponseSaved"]
            : string.Join(" ", new[] { outcome.Decision.Reason }.Concat(outcome.Decision.Errors.Values.SelectMany(m => m)));
        return Redirect(Url.Page("/Review/Dashboard", null, new { slug, section = Section, stance = Stance, field = Field, status = Status, responded = Responded, proposed = Proposed, q = Q }, null, null, $"item-{id}")!);
    }

    public async Task<IActionResult> OnPostRespondToGroupAsync(
        string slug, List<Guid> itemIds, string? decision, string? explanation, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        var outcome = await respondToGroup.Handle(new RespondToGroup(found.Id, itemIds, decision, explanation, SignedInCaller.Of(User)), cancellation);
        Message = outcome.Accepted
            ? texts["ReviewGroupSaved", outcome.Events.Count]
            : string.Join(" ", new[] { outcome.Reason }.Concat(outcome.Errors.Values.SelectMany(m => m)));
        return RedirectToPage(new { slug });
    }

    /// <summary>The report's letterhead details (recipients one per line); the same use case as <c>PUT …/report-details</c>.</summary>
    public async Task<IActionResult> OnPostReportDetailsAsync(
        string slug, string? issuingBody, string? number, string? place, DateOnly? date, string? signerPosition, string? signerName, string? recipients,
        CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        var decision = await setReportDetails.Handle(new SetReportDetails(found.Id, issuingBody, number, place, date, signerPosition, signerName,
            (recipients ?? "").Split('\n'), CallerClaims.From(User)!), cancellation);
        Message = decision.Accepted
            ? texts["ReportDetailsSaved"]
            : string.Join(" ", new[] { decision.Reason }.Concat(decision.Errors.Values.SelectMany(m => m)).Distinct());
        return Redirect(Url.Page("/Review/Dashboard", null, new { slug }, null, null, "letterhead-h")!);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        if (!IsOfficial) return Forbid();
        var outcome = await publish.Handle(new(found.Id, CallerClaims.From(User)!), cancellation);
        Message = outcome.Decision is { Accepted: true } ? texts["ReviewPublished"] : outcome.Decision?.Reason;
        return RedirectToPage(new { slug });
    }

    /// <summary>The heat class of a count relative to the busiest section: five steps, each with a text colour that keeps AA contrast.</summary>
    public string Heat(int count) => count == 0 || Data.MaxPerSection == 0 ? "heat-0" : $"heat-{Math.Min(4, 1 + 4 * (count - 1) / Math.Max(1, Data.MaxPerSection))}";
}
