using System.Globalization;
using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Critique;
using Nq45Consult.Consultation.Review.Minutes;

namespace Nq45Consult.Consultation.Cases.AssemblingReport;

/// <summary>
/// A moderator writes the case consultation's critique report (a new version, <see cref="CritiqueDrafted"/> on the
/// consultation's stream, as the report editor saves it) pre-filled from the case: each submitted review's strengths,
/// shortcomings and recommendations, naming its reviewer; the consultation's public feedback, cited as the editor cites
/// it (agreeing items under the strengths, the others under the shortcomings); and the council meeting's conclusions
/// once its minutes are final. The moderator then edits it in the report editor and sends it as before.
/// </summary>
public sealed record AssembleCaseReport(Guid CaseId, Caller Moderator)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="reviews">The case's submitted reviews.</param>
    /// <param name="feedback">The consultation's public feedback items.</param>
    /// <param name="minutes">The meeting's minutes; used once final.</param>
    public static Decision Decide(
        CritiqueCase? found, AssembleCaseReport command, IReadOnlyList<CaseReview> reviews, IReadOnlyList<FeedbackItem> feedback,
        SessionMinutes? minutes, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        if (found.ConsultationId is not { } consultation) return Decision.Conflict(DomainText.CaseWithoutConsultation);
        if (found.ReportSentAt is not null) return Decision.Conflict(DomainText.CaseReportAlreadySent);
        var submitted = reviews.Where(r => r.IsSubmitted && r.CaseId == found.Id).OrderBy(r => r.Role).ToList();
        var items = feedback.Where(i => i.IsPublic && i.ConsultationId == consultation).ToList();
        // The case's report rests on its council's reviews: without one, the moderator writes the report in the editor.
        if (submitted.Count == 0) return Decision.Conflict(DomainText.CaseNothingToAssemble);

        var strengths = Points(submitted, r => r.Content.Strengths);
        var shortcomings = Points(submitted, r => r.Content.Shortcomings);
        var agreed = items.Where(i => i.Stance == Stance.Agree).Select(i => i.Id).ToList();
        var raised = items.Where(i => i.Stance != Stance.Agree).Select(i => i.Id).ToList();
        if (agreed.Count > 0) strengths.Add(new(Format(CaseReviewText.FeedbackAgreed, agreed.Count), agreed));
        if (raised.Count > 0) shortcomings.Add(new(Format(CaseReviewText.FeedbackRaised, raised.Count), raised));
        List<Recommendation> recommendations = [.. submitted.SelectMany(r => r.Content.Recommendations.Select(p =>
            new Recommendation(p.Addressee, FromReview(p.Text, r), [])))];
        if (minutes is { IsFinal: true } && !string.IsNullOrWhiteSpace(minutes.Content.Conclusions) && minutes.SessionId == found.SessionId)
            recommendations.Add(new(found.AgencyName, Cut(Format(CaseReviewText.MeetingConclusions, minutes.Content.Conclusions.Trim())), []));
        return Decision.Accept(new CritiqueDrafted(consultation, strengths, shortcomings, recommendations, command.Moderator.UserName, now));
    }

    private static List<CritiquePoint> Points(IEnumerable<CaseReview> reviews, Func<CaseReview, string> part) =>
        [.. reviews.Where(r => !string.IsNullOrWhiteSpace(part(r))).Select(r => new CritiquePoint(FromReview(part(r).Trim(), r), []))];

    private static string FromReview(string text, CaseReview review) =>
        Cut(Format(CaseReviewText.FromReview, text, review.FullName, CaseLetters.RoleName(review.Role, english: false)));

    private static string Format(string format, params object[] args) => string.Format(Vietnamese, format, args);

    /// <summary>Within the report editor's limit for one point, so the moderator can save it as assembled.</summary>
    private static string Cut(string text) => text.Length <= DraftCritique.MaxTextLength ? text : text[..(DraftCritique.MaxTextLength - 1)] + "…";
}

/// <summary>Loads the case, its submitted reviews, the consultation's public feedback and the meeting's minutes; appends to the consultation's stream.</summary>
public sealed class AssembleCaseReportHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(AssembleCaseReport command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var found = command.CaseId == Guid.Empty ? null : await session.LoadAsync<CritiqueCase>(command.CaseId, cancellation);
        if (!command.Moderator.IsModerator || found?.ConsultationId is not { } consultation)
            return AssembleCaseReport.Decide(found, command, [], [], null, time.GetUtcNow());
        var stream = await session.Events.FetchForWriting<ConsultationState>(consultation, cancellation);
        var reviews = await session.Query<CaseReview>().Where(r => r.CaseId == found.Id && r.SubmittedAt != null).ToListAsync(cancellation);
        var feedback = await session.Query<FeedbackItem>()
            .Where(i => i.ConsultationId == consultation && i.Status == FeedbackStatus.Published).ToListAsync(cancellation);
        var minutes = found.SessionId is { } meeting ? await session.LoadAsync<SessionMinutes>(SessionMinutes.IdOf(meeting), cancellation) : null;
        var decision = AssembleCaseReport.Decide(found, command, reviews, feedback, minutes, time.GetUtcNow());
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
