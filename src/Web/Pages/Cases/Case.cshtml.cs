using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Consultation.Attachments.Withdrawing;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Cases.Accepting;
using Nq45Consult.Consultation.Cases.AnsweringAppointment;
using Nq45Consult.Consultation.Cases.Appointing;
using Nq45Consult.Consultation.Cases.AssemblingReport;
using Nq45Consult.Consultation.Cases.Declining;
using Nq45Consult.Consultation.Cases.Documents;
using Nq45Consult.Consultation.Cases.LinkingSession;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Consultation.Cases.SendingReport;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Web.Attachments;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Cases;

/// <summary>The use cases a case's page offers, one handler each (the same its API route calls).</summary>
public sealed record CaseActions(
    AcceptCaseHandler Accept, DeclineCaseHandler Decline, AppointCouncilMemberHandler Appoint, AnswerAppointmentHandler AnswerSeat,
    LinkCaseSessionHandler LinkSession, SendCaseReportHandler SendReport, RecordAgencyAnswerHandler Answer);

/// <summary>
/// /cases/{id}: the case's timeline as an ordered list, its council (with the declarations recorded), its report and the
/// agency's answer, and the forms of each role: the Union's moderators (accept, decline, appoint, link the meeting, send
/// the report), the appointed expert (accept or decline the seat), the agency's officials (record the answer). The
/// request's documents (attached by the agency's officials and moderators, withdrawn by their uploader or a moderator)
/// and, for those who follow the case, its meeting's transcript and minutes. A case the reader may not see is 404.
/// </summary>
public sealed class CaseModel(
    CaseQueries queries, CaseActions actions, UploadAttachmentHandler upload, WithdrawAttachmentHandler withdraw,
    IOptions<AttachmentsOptions> attachments, CaseReviewQueries reviews, IStringLocalizer<SharedResource> text) : CasePage(text)
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The registry search of the appointment form.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public CaseReading? Reading { get; private set; }

    public IReadOnlyList<CouncilCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<SessionListing> Sessions { get; private set; } = [];

    public IReadOnlyList<Attachment> Documents { get; private set; } = [];

    /// <summary>The minutes of the case's meeting, once generated, for those who follow the case.</summary>
    public SessionMinutes? Minutes { get; private set; }

    public AttachmentsOptions Limits => attachments.Value;
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

    public Task<IActionResult> OnPostAttachAsync(IFormFile? file, CancellationToken cancellation) =>
        Act(async caller =>
        {
            var read = await AttachmentUpload.Of(file, Limits.MaxBytes, cancellation);
            return (await upload.Handle(new UploadAttachment(CaseAttachments.OwnerKind, Id, read.FileName, read.Content, caller), cancellation)).Decision;
        }, "CasesDocumentAttached", cancellation);

    public Task<IActionResult> OnPostWithdrawAsync(Guid attachmentId, CancellationToken cancellation) =>
        Act(caller => withdraw.Handle(new WithdrawAttachment(attachmentId, caller), cancellation), "CasesDocumentWithdrawn", cancellation);

    /// <summary>One verdict and one explanation per recommendation of the report, in its order (<c>verdict[0]</c>, <c>explanation[0]</c>, …).</summary>
    public Task<IActionResult> OnPostAnswerAsync(string?[]? verdict, string?[]? explanation, CancellationToken cancellation)
    {
        var verdicts = verdict ?? [];
        var explanations = explanation ?? [];
        var answers = Enumerable.Range(0, Math.Max(verdicts.Length, explanations.Length))
            .Select(i => (AnswerInput?)new AnswerInput(i, verdicts.ElementAtOrDefault(i), explanations.ElementAtOrDefault(i))).ToList();
        return Act(caller => actions.Answer.Handle(new RecordAgencyAnswer(Id, answers, caller), cancellation), "CasesAnswered", cancellation);
    }

    /// <summary>Writes the consultation's critique report from the case; the moderator edits and sends it as before.</summary>
    public Task<IActionResult> OnPostAssembleReportAsync([FromServices] AssembleCaseReportHandler assemble, CancellationToken cancellation) =>
        Act(caller => assemble.Handle(new AssembleCaseReport(Id, caller), cancellation), "CasesReportAssembled", cancellation);

    protected override async Task Load(CancellationToken cancellation)
    {
        Reading = await queries.Find(Id, Reader, cancellation);
        if (Reading is null) return;
        Candidates = await queries.Candidates(Reading.Case, Reader, Search, cancellation);
        Sessions = await queries.Sessions(Reading.Case, Reader, cancellation);
        Documents = await queries.Documents(Reading, cancellation);
        Minutes = await queries.MeetingMinutes(Reading, cancellation);
        Reviews = await reviews.Of(Id, Reader, cancellation);
    }
}
