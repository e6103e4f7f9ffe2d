using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Accepting;
using Nq45Consult.Consultation.Cases.AnsweringAppointment;
using Nq45Consult.Consultation.Cases.Appointing;
using Nq45Consult.Consultation.Cases.Declining;
using Nq45Consult.Consultation.Cases.LinkingSession;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Consultation.Cases.SendingReport;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Cases;

/// <summary>The use cases a case's page offers, one handler each (the same its API route calls).</summary>
public sealed record CaseActions(
    AcceptCaseHandler Accept, DeclineCaseHandler Decline, AppointCouncilMemberHandler Appoint, AnswerAppointmentHandler AnswerSeat,
    LinkCaseSessionHandler LinkSession, SendCaseReportHandler SendReport, RecordAgencyAnswerHandler Answer);

/// <summary>
/// /cases/{id}: the case's timeline as an ordered list, its council (with the declarations recorded), its report and the
/// agency's answer, and the forms of each role: the Union's moderators (accept, decline, appoint, link the meeting, send
/// the report), the appointed expert (accept or decline the seat), the agency's officials (record the answer). A case the
/// reader may not see is 404.
/// </summary>
public sealed class CaseModel(CaseQueries queries, CaseActions actions, CaseReviewQueries reviews, IStringLocalizer<SharedResource> text) : CasePage(text)
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The registry search of the appointment form.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public CaseReading? Reading { get; private set; }

    public IReadOnlyList<CouncilCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<SessionListing> Sessions { get; private set; } = [];

    /// <summary>The submitted reviews (for those involved) and the reader's reviewer seat.</summary>
    public CaseReviews? Reviews { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await Load(cancellation);
        return Reading is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellation) =>
        Act(caller => actions.Accept.Handle(new AcceptCase(Id, caller), cancellation), "CasesAccepted", cancellation);

    public Task<IActionResult> OnPostDeclineAsync(string? reason, CancellationToken cancellation) =>
        Act(caller => actions.Decline.Handle(new DeclineCase(Id, reason, caller), cancellation), "CasesDeclined", cancellation);

    public Task<IActionResult> OnPostAppointAsync(Guid? profileId, string? role, CancellationToken cancellation) =>
        Act(async caller => (await actions.Appoint.Handle(new AppointCouncilMember(Id, profileId, role, caller), cancellation)).Decision, "CasesAppointed", cancellation);

    public Task<IActionResult> OnPostAcceptSeatAsync(Guid memberId, CancellationToken cancellation) =>
        Act(caller => actions.AnswerSeat.Handle(new AnswerAppointment(Id, memberId, true, null, caller), cancellation), "CasesSeatAccepted", cancellation);

    public Task<IActionResult> OnPostDeclineSeatAsync(Guid memberId, string? reason, CancellationToken cancellation) =>
        Act(caller => actions.AnswerSeat.Handle(new AnswerAppointment(Id, memberId, false, reason, caller), cancellation), "CasesSeatDeclined", cancellation);

    public Task<IActionResult> OnPostLinkSessionAsync(Guid? sessionId, CancellationToken cancellation) =>
        Act(caller => actions.LinkSession.Handle(new LinkCaseSession(Id, sessionId, caller), cancellation), "CasesSessionLinked", cancellation);

    public Task<IActionResult> OnPostSendReportAsync(CancellationToken cancellation) =>
        Act(caller => actions.SendReport.Handle(new SendCaseReport(Id, caller), cancellation), "CasesReportSent", cancellation);

    /// <summary>One verdict and one explanation per recommendation of the report, in its order (<c>verdict[0]</c>, <c>explanation[0]</c>, …).</summary>
    public Task<IActionResult> OnPostAnswerAsync(string?[]? verdict, string?[]? explanation, CancellationToken cancellation)
    {
        var verdicts = verdict ?? [];
        var explanations = explanation ?? [];
        var answers = Enumerable.Range(0, Math.Max(verdicts.Length, explanations.Length))
            .Select(i => (AnswerInput?)new AnswerInput(i, verdicts.ElementAtOrDefault(i), explanations.ElementAtOrDefault(i))).ToList();
        return Act(caller => actions.Answer.Handle(new RecordAgencyAnswer(Id, answers, caller), cancellation), "CasesAnswered", cancellation);
    }

    protected override async Task Load(CancellationToken cancellation)
    {
        Reading = await queries.Find(Id, Reader, cancellation);
        if (Reading is null) return;
        Candidates = await queries.Candidates(Reading.Case, Reader, Search, cancellation);
        Sessions = await queries.Sessions(Reading.Case, Reader, cancellation);
        Reviews = await reviews.Of(Id, Reader, cancellation);
    }
}
