using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Responding;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Addressing;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Consultation.Review.Responding;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Experts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Review;

/// <summary>/review/{slug}: the officials' and moderators' dashboard — heat map, charts, filtered items, inline responses.</summary>
[Authorize(Policy = Policies.ReviewFeedback)]
public sealed class DashboardModel(
    ConsultationQueries consultations, ReviewDashboard dashboard, ReviewProgressQuery progress, NearDuplicates duplicates, CarriedFeedback carried,
    RespondToFeedbackHandler respond, RespondToGroupHandler respondToGroup, PublishResponsesHandler publish, TimeProvider time,
    FeedbackBreakdown breakdown, IOptions<ConsultationOptions> options, AcceptanceReport report, SetReportDetailsHandler setReportDetails,
    IStringLocalizer<SharedResource> texts, MarkFeedbackAddressedHandler markAddressed) : PageModel
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

    /// <summary>
    /// Whether the "addressed in version N" form is offered: to a moderator or an official who may respond, for a public
    /// item written on an earlier version, until responses are published. The use case decides again on submit.
    /// </summary>
    public bool MayMarkAddressed(FeedbackItem item) =>
        (MayRespond || CallerClaims.From(User)?.IsModerator == true) && item.IsPublic
        && item.DraftVersion < Consultation.CurrentVersion && Consultation.Status != ConsultationStatus.Responded;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var found = await consultations.Find(slug, cancellation);
        if (found is null) return NotFound();
        Consultation = found;
        Now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var filter = ItemFilter.From(Section, Stance, Status, Responded, Proposed, Q, Field, Fields, errors);
        FilterErrors = errors;
        // The field filter narrows the heat map too; a bad filter narrows nothing (its error is shown with the items).
        Data = await dashboard.Data(found, Fields, errors.Count == 0 ? filter.Field : null, cancellation);
        Breakdown = await breakdown.Of(found.Id, Fields, cancellation);
        Progress = await progress.Of(found, cancellation);
        Duplicates = await duplicates.Groups(found.Id, cancellation);
        Carried = (await carried.Of(found, cancellation)).ToDictionary(c => c.FeedbackId);
        (DetailsSet, Printed) = await report.LetterheadOf(found, cancellation);
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

    /// <summary>Marks an item as addressed by a later version; the same use case as <c>POST /api/feedback/{id}/addressed</c>.</summary>
    public async Task<IActionResult> OnPostAddressedAsync(string slug, Guid id, int? version, CancellationToken cancellation)
    {
        var outcome = await markAddressed.Handle(new MarkFeedbackAddressed(id, version, SignedInCaller.Of(User)), cancellation);
        Message = outcome.Decision.Accepted
            ? texts["ReviewAddressedSaved", version!.Value]
            : string.Join(" ", outcome.Decision.Errors.Values.SelectMany(m => m).Prepend(outcome.Decision.Reason).OfType<string>().Distinct());
        return Redirect(Url.Page("/Review/Dashboard", null, new { slug }, null, null, $"item-{id}")!);
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
    public string Heat(int count) => Heat(count, Data.MaxPerSection);

    /// <summary>The heat class of a count relative to the largest count of its table (<paramref name="max"/>).</summary>
    public static string Heat(int count, int max) => count == 0 || max == 0 ? "heat-0" : $"heat-{HeatStep(count, max)}";

    /// <summary>The smallest count shaded at each step 1–4 of a table whose largest count is <paramref name="max"/>, for the legend.</summary>
    public static IEnumerable<(int Step, int From)> HeatSteps(int max) =>
        Enumerable.Range(1, Math.Max(1, max)).GroupBy(c => HeatStep(c, max)).Select(g => (g.Key, g.First()));

    // Quarters of the largest count, rounded up: the largest is always the darkest, whatever the table's size.
    private static int HeatStep(int count, int max) => Math.Clamp((4 * count + max - 1) / Math.Max(1, max), 1, 4);

    /// <summary>Sections with feedback, busiest first (document order among equals), for the compact heat map.</summary>
    public IReadOnlyList<SectionHeat> Busiest => [.. Data.Sections.Where(s => s.Feedback > 0).OrderByDescending(s => s.Feedback)];

    /// <summary>The field columns some item counts under, so the field views stay compact.</summary>
    public IReadOnlyList<string> CountedFields => [.. Data.Fields.Where(f => Data.Sections.Any(s => s.ByField.GetValueOrDefault(f) > 0))];

    /// <summary>A section's name in the reader's language ("Mục II.1, ý 2: …" / "Section II.1, point 2: …").</summary>
    public string NameOf(SectionHeat row) => row switch
    {
        { Anchor: null } => texts["HeatGeneral"],
        { Name: { } name } when name.Format(Words) is { Length: > 0 } label => label,
        { Name: null } => texts["HeatEarlierSection", row.Anchor],
        _ => row.Label,
    };

    /// <summary>The language of a row's name: a section named in the draft's own words is Vietnamese (<c>lang="vi"</c>); the whole draft and an earlier section are named by the interface.</summary>
    public static string? LanguageOf(SectionHeat row) => row is { Anchor: not null, Name: not null } ? "vi" : null;

    /// <summary>A row of the breakdowns in the reader's language: a degree by its label, a field by its name (the domain names both the Vietnamese way).</summary>
    public string BreakdownLabel(BreakdownCount row) =>
        KebabCase.TryParse<Degree>(row.Key, out var degree) ? ExpertLabels.Of(texts, degree) : Consultations.ConsultationText.Field(texts, row.Label);

    public string FieldLabel(string field) => field == FeedbackBreakdown.NoneKey ? texts["HeatNoField"] : Consultations.ConsultationText.Field(texts, field);

    private Nq45Consult.Consultation.Drafts.Naming.SectionNameWords Words => SectionNameText.Words(texts);
}
