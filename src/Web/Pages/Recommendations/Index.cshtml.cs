using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Consultation.Recommendations;
using Nq45Consult.Consultation.Recommendations.Answering;
using Nq45Consult.Consultation.Recommendations.Moderating;
using Nq45Consult.Consultation.Recommendations.Routing;
using Nq45Consult.Consultation.Recommendations.Submitting;
using Nq45Consult.Consultation.Recommendations.Supporting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Attachments;
using Nq45Consult.Web.Shell;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Recommendations;

/// <summary>
/// /recommendations: every recommendation the reader may see with its status, agency, deadline (overdue ones flagged)
/// and answer, filtered by status and field; a form for experts, supports, and the moderators' and officials' actions.
/// Each form calls the handler its API route calls; a refusal for the caller's role is a sign-in or "denied" answer,
/// other refusals show on the page.
/// </summary>
public sealed class IndexModel(
    RecommendationQueries queries, IStringLocalizer<SharedResource> text, SubmitRecommendationHandler submit, SupportRecommendationHandler support,
    ModerateRecommendationHandler moderate, RouteRecommendationHandler route, AnswerRecommendationHandler answer,
    UploadAttachmentHandler attach, AgencyQueries agencies, IOptions<AttachmentsOptions> attachments) : PageModel
{
    public IReadOnlyList<RecommendationReading> Items { get; private set; } = [];

    /// <summary>The agencies a moderator may route to (retired ones are no longer offered).</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public Caller? Reader => CallerClaims.From(User);

    /// <summary>What the expert typed, kept when the form is refused.</summary>
    public (string? Topic, string? Fields, string? Text, string? Attribution) Form { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The list's filters, from the query string: a status (<see cref="RecommendationStage"/>) and a field.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    /// <summary>The fields the recommendations the reader may see name, to filter by; and how many there are before filtering.</summary>
    public IReadOnlyList<string> FieldChoices { get; private set; } = [];
    public int Total { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Field);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var all = await queries.List(Reader, RecommendationFilter.None, cancellation);
        Total = all.Count;
        var (filter, errors) = RecommendationFilter.Parse(Status, Field);
        // The field asked for stays chosen even when no recommendation names it.
        FieldChoices = [.. all.SelectMany(i => i.Recommendation.Fields).Concat(filter?.Field is { } asked ? new[] { asked } : [])
            .DistinctBy(TextFold.Fold).Order(StringComparer.CurrentCulture)];
        if (filter is null) ModelState.AddDecisionErrors(Decision.Invalid(errors));
        Items = [.. all.Where((filter ?? RecommendationFilter.None).Matches)];
        if (Reader?.IsModerator == true) Agencies = [.. (await agencies.All(cancellation)).Where(a => !a.Retired)];
    }

    public Task<IActionResult> OnPostSubmitAsync(string? topic, string? fields, string? recommendation, string? attribution, CancellationToken cancellation)
    {
        Form = (topic, fields, recommendation, attribution);
        var list = (fields ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return Act(async caller => (await submit.Handle(new SubmitRecommendation(topic, list, recommendation, attribution, caller), cancellation)).Decision,
            "RecommendationsSubmitted", cancellation);
    }

    public Task<IActionResult> OnPostSupportAsync(Guid id, CancellationToken cancellation) =>
        Act(async caller => (await support.Handle(new SupportRecommendation(id, caller), cancellation)).Decision, "RecommendationsSupportedNow", cancellation);

    public Task<IActionResult> OnPostModerateAsync(Guid id, string? moderation, string? reason, CancellationToken cancellation) =>
        Act(caller => moderate.Handle(new ModerateRecommendation(id, moderation, reason, caller), cancellation),
            moderation == "restore" ? "RecommendationsRestored" : "RecommendationsHiddenNow", cancellation);

    public Task<IActionResult> OnPostRouteAsync(Guid id, Guid? agencyId, CancellationToken cancellation) =>
        Act(caller => route.Handle(new RouteRecommendation(id, agencyId, caller), cancellation), "RecommendationsRouted", cancellation);

    public Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken cancellation) =>
        Act(async caller =>
        {
            var upload = await AttachmentUpload.Of(file, attachments.Value.MaxBytes, cancellation);
            return (await attach.Handle(new UploadAttachment(RecommendationAttachments.OwnerKind, id, upload.FileName, upload.Content, caller), cancellation)).Decision;
        }, "RecommendationsAttached", cancellation);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? reply, CancellationToken cancellation) =>
        Act(caller => answer.Handle(new AnswerRecommendation(id, reply, caller), cancellation), "RecommendationsAnswered", cancellation);

    /// <summary>Signed in or asked to; the handler's decision as a message (post, redirect, get), a refusal, or the page with its errors.</summary>
    private async Task<IActionResult> Act(Func<Caller, Task<Decision>> handle, string done, CancellationToken cancellation)
    {
        if (Reader is not { } caller) return Challenge();
        var decision = await handle(caller);
        return await this.Answer(decision, () =>
        {
            Message = text[done];
            return RedirectToPage();
        }, refused => ModelState.AddDecisionErrors(refused), () => OnGetAsync(cancellation));
    }
}
