using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Pages.Moderation;

/// <summary>The moderators' queue: reported items first; hide or restore with a reason category and text.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class FeedbackModel(FeedbackQueries queries, FeedbackCommands commands, FeedbackLive live) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation) => Items = await queries.ModerationQueue(cancellation);

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, string? category, string? reason, CancellationToken cancellation)
    {
        var moderator = Reader.Of(User).Participant;
        var outcome = await commands.Execute(id, null,
            (item, _, now) => ModerateFeedback.Decide(item, new ModerateFeedback(id, action, category, reason, moderator), now), cancellation);
        Message = outcome.Decision.Accepted
            ? (action == "hide" ? "Đã ẩn góp ý." : "Đã khôi phục góp ý.")
            : outcome.Decision.Reason + " " + string.Join(" ", outcome.Decision.Errors.Values.SelectMany(m => m));
        if (outcome.Decision.Accepted) live.Changed((await queries.Find(id, cancellation))!.ConsultationId, id);
        return RedirectToPage();
    }
}
