using Marten;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Review.Critique;

namespace Nq45Consult.Consultation.Cases.SendingReport;

/// <summary>
/// A moderator sends the agency the critique report of the case's consultation (docs/review.md); its recommendations are
/// kept as sent, and the agency answers each. Sent once.
/// </summary>
public sealed record SendCaseReport(Guid CaseId, Caller Moderator)
{
    /// <param name="report">The consultation's critique report; null when none was written.</param>
    public static Decision Decide(CritiqueCase? found, SendCaseReport command, CritiqueReport? report, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        if (found.Status != CaseStatus.Accepted) return Decision.Conflict(DomainText.CaseNotAccepted);
        if (found.ConsultationId is null) return Decision.Conflict(DomainText.CaseWithoutConsultation);
        if (found.ReportSentAt is not null) return Decision.Conflict(DomainText.CaseReportAlreadySent);
        if (report is null) return Decision.Conflict(DomainText.CaseNoReport);
        return Decision.Accept(new CaseReportSent(
            found.Id, [.. report.Recommendations.Select(r => new ReportRecommendation(r.Addressee, r.Text))], command.Moderator.UserName, now));
    }
}

/// <summary>Sends, and tells the agency's officials (notification and e-mail through the outbox) in the same transaction.</summary>
public sealed class SendCaseReportHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(SendCaseReport command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        return CaseChange.Run(store, command.CaseId, async (session, c) =>
            {
                var report = c?.ConsultationId is { } consultation ? await session.LoadAsync<CritiqueReport>(consultation, cancellation) : null;
                return SendCaseReport.Decide(c, command, report, now);
            }, cancellation,
            async (session, c, decision) => await NotificationOutbox.Add(session,
                CaseLetters.ReportSent(c.Subject, ((CaseReportSent)decision.Events[0]).Recommendations.Count, c.Id),
                await AgencyOfficials.Of(session, c.AgencyId, cancellation), now, cancellation));
    }
}
