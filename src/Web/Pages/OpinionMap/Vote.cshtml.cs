using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Voting;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Pages.OpinionMap;

/// <summary>One statement at a time for an expert to vote on: three buttons, a plain form (keyboard, phone, no script needed).</summary>
[Authorize(Policy = Policies.GiveFeedback)]
public sealed class VoteModel(OpinionMapQueries queries, VoteOnStatementHandler vote) : PageModel
{
    public Guid ConsultationId { get; private set; }
    public StatementReading? Next { get; private set; }

    [TempData]
    public bool Voted { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken cancellation)
    {
        var caller = CallerClaims.From(User)!;
        var (consultation, scope) = await queries.Find(consultationId, caller, cancellation);
        if (consultation is null || scope is null) return NotFound();
        ConsultationId = consultationId;
        Next = await queries.Next(consultationId, caller, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid consultationId, Guid statementId, string? choice, CancellationToken cancellation)
    {
        var decision = await vote.Handle(new VoteOnStatement(statementId, choice, CallerClaims.From(User)!), cancellation);
        if (decision.Refusal == Refusal.NotFound) return NotFound();
        if (!decision.Accepted)
        {
            ModelState.AddDecisionErrors(decision);
            return await OnGetAsync(consultationId, cancellation);
        }
        Voted = true;
        return RedirectToPage(new { consultationId });
    }
}
