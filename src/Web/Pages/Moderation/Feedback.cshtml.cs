using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Consultations;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Moderation;

/// <summary>
/// The moderators' queue: reported items first, with the reports' categories and reasons; narrowed to one
/// consultation or one status; hide or restore with a reason category and text.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class FeedbackModel(
    FeedbackQueries queries, ConsultationQueries consultations, ModerateFeedbackHandler moderate, IStringLocalizer<SharedResource> texts) : PageModel
{
    private readonly Dictionary<(Guid Consultation, string Anchor), string> sectionNames = [];

    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    /// <summary>Every consultation, for the filter and to name each item's consultation.</summary>
    public IReadOnlyList<ConsultationDetails> Consultations { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "consultation")] public Guid? ConsultationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Consultations = await consultations.List([.. Enum.GetValues<ConsultationStatus>()], cancellation);
        FeedbackStatus? status = KebabCase.TryParse<FeedbackStatus>(Status, out var parsed) ? parsed : null;
        if (status is null) Status = null;
        Items = await queries.ModerationQueue(ConsultationId, status, cancellation);
        var used = Items.Select(i => i.ConsultationId).ToHashSet();
        foreach (var consultation in Consultations.Where(c => used.Contains(c.Id) && c.CurrentVersion > 0))
        {
            var version = await consultations.Version(consultation.Id, consultation.CurrentVersion, cancellation);
            foreach (var (anchor, label) in SectionNameText.Of(texts, version?.Sections ?? [])) sectionNames[(consultation.Id, anchor)] = label;
        }
    }

    /// <summary>The item's section named in people's words (its current version); an anchor only an earlier version had stays an anchor.</summary>
    public string? SectionName(FeedbackItem item) =>
        item.SectionAnchor is { } anchor ? sectionNames.GetValueOrDefault((item.ConsultationId, anchor)) ?? texts["MyFeedbackSection", anchor] : null;

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, string? category, string? reason, CancellationToken cancellation)
    {
        var outcome = await moderate.Handle(new ModerateFeedback(id, action, category, reason, SignedInCaller.Of(User)), cancellation);
        Message = outcome.Decision.Accepted
            ? texts[action == "hide" ? "ModerationHidden" : "ModerationRestored"].Value
            : outcome.Decision.Reason + " " + string.Join(" ", outcome.Decision.Errors.Values.SelectMany(m => m));
        return RedirectToPage(new { consultation = ConsultationId, status = Status });
    }
}
