using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Statements;
using Nq45Consult.Consultation.OpinionMap.TurningOn;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.OpinionMap;

/// <summary>
/// The moderators' page of a consultation's opinion map: turn it on (for the draft or one chapter), seed statements,
/// approve experts' proposals, hide and restore with a reason, draw statements from feedback items. Each form calls
/// the handler its API route calls. No participant is named here: statements carry no author.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class ManageModel(
    OpinionMapQueries queries, ConsultationQueries consultations, FeedbackQueries feedback, IStringLocalizer<SharedResource> text,
    TurnOnOpinionMapHandler turnOn, AddStatementHandler add, ApproveStatementHandler approve, ModerateStatementHandler moderate,
    DrawStatementFromFeedbackHandler draw) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;
    public OpinionMapScope? Scope { get; private set; }
    public IReadOnlyList<SectionSnapshot> Sections { get; private set; } = [];
    public IReadOnlyList<StatementReading> Statements { get; private set; } = [];

    /// <summary>Published feedback items with a proposed wording: what a statement can be drawn from.</summary>
    public IReadOnlyList<FeedbackItem> Proposals { get; private set; } = [];

    /// <summary>The items already drawn into a statement.</summary>
    public IReadOnlySet<Guid> Drawn { get; private set; } = new HashSet<Guid>();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User)!;
        var (consultation, scope) = await queries.Find(consultationId, caller, cancellation);
        if (consultation is null) return NotFound();
        (Consultation, Scope) = (consultation, scope);
        Sections = consultation.CurrentVersion > 0 ? (await consultations.Version(consultationId, consultation.CurrentVersion, cancellation))?.Sections ?? [] : [];
        Statements = await queries.Statements(consultationId, caller, cancellation) ?? [];
        Drawn = Statements.Select(s => s.Statement.FeedbackId).OfType<Guid>().ToHashSet();
        Proposals = [.. (await feedback.List(consultationId, null, null, [FeedbackStatus.Published], cancellation)).Where(i => !string.IsNullOrWhiteSpace(i.Content.ProposedText))];
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOnAsync(Guid consultationId, string? sectionAnchor, CancellationToken cancellation) =>
        await Answer(consultationId, await turnOn.Handle(new TurnOnOpinionMap(consultationId, sectionAnchor, Caller), cancellation), "OpinionMapManageTurnedOn", cancellation);

    public async Task<IActionResult> OnPostSeedAsync(Guid consultationId, string? statementText, CancellationToken cancellation) =>
        await Answer(consultationId, (await add.Handle(new AddStatement(consultationId, statementText, Caller), cancellation)).Decision, "OpinionMapManageSeeded", cancellation);

    public async Task<IActionResult> OnPostApproveAsync(Guid consultationId, Guid statementId, CancellationToken cancellation) =>
        await Answer(consultationId, await approve.Handle(new ApproveStatement(statementId, Caller), cancellation), "OpinionMapManageApproved", cancellation);

    public async Task<IActionResult> OnPostModerateAsync(Guid consultationId, Guid statementId, string? moderation, string? reason, CancellationToken cancellation) =>
        await Answer(consultationId, await moderate.Handle(new ModerateStatement(statementId, moderation, reason, Caller), cancellation),
            moderation == "restore" ? "OpinionMapManageRestored" : "OpinionMapManageHidden", cancellation);

    public async Task<IActionResult> OnPostDrawAsync(Guid consultationId, Guid feedbackId, string? claim, CancellationToken cancellation) =>
        await Answer(consultationId, (await draw.Handle(new DrawStatementFromFeedback(feedbackId, claim, Caller), cancellation)).Decision, "OpinionMapManageDrawn", cancellation);

    private Caller Caller => CallerClaims.From(User)!;

    /// <summary>Accepted: a message and back to the page (post, redirect, get); refused: the page again with the errors.</summary>
    private async Task<IActionResult> Answer(Guid consultationId, Decision decision, string done, CancellationToken cancellation)
    {
        if (decision.Accepted)
        {
            Message = text[done];
            return RedirectToPage(new { consultationId });
        }
        ModelState.AddDecisionErrors(decision);
        return await OnGetAsync(consultationId, cancellation);
    }
}
