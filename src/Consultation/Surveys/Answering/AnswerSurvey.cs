using System.Text.Json;
using JasperFx;
using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Surveys.Answering;

/// <summary>
/// An expert answers a consultation's survey. Who may answer is who may give feedback (the same
/// <see cref="FeedbackTarget"/> rules: an expert, invited when the consultation is by invitation, while open).
/// </summary>
public sealed record AnswerSurvey(Guid ConsultationId, IReadOnlyDictionary<string, JsonElement>? Answers, Caller Respondent)
{
    /// <summary><paramref name="profile"/>: the respondent's expert profile, if any; its degree and fields group the results.</summary>
    public static Decision Decide(FeedbackTarget target, Survey? survey, AuthorProfile? profile, AnswerSurvey command, DateTimeOffset now)
    {
        if (survey is null) return Decision.NotFound(DomainText.SurveyNone);
        if (!target.Admits(command.Respondent))
            return Decision.Forbid(command.Respondent.IsExpert
                ? DomainText.InvitedExpertsOnly
                : DomainText.SurveyExpertsOnly);
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));

        var errors = new Dictionary<string, string[]>();
        var answers = SurveyAnswers.From(survey, command.Answers, errors);
        if (answers is null) return Decision.Invalid(errors);
        return Decision.Accept(new SurveyAnswered(
            SurveyResponse.IdOf(target.ConsultationId, command.Respondent.UserName), target.ConsultationId, survey.Revision,
            answers, command.Respondent.UserName, now, RespondentProfile.Of(profile)));
    }
}

/// <summary>
/// Records the respondent's answers in their own stream; a second response is appended to it and replaces
/// the first in the results. Returns the response's stream version.
/// </summary>
public sealed class AnswerSurveyHandler(IDocumentStore store, TimeProvider time, IAuthorProfiles? profiles = null)
{
    public async Task<SurveyAnswerOutcome> Handle(AnswerSurvey command, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var consultationLoad = batch.Load<ConsultationDetails>(command.ConsultationId);
            var surveyLoad = batch.Load<Survey>(command.ConsultationId);
            await batch.Execute(cancellation);
            if (await consultationLoad is not { } consultation)
                return SurveyAnswerOutcome.Refused(Decision.NotFound(DomainText.ConsultationNotFound));
            var profile = profiles is null ? null
                : (await profiles.Find(session, [command.Respondent.UserName], cancellation)).GetValueOrDefault(command.Respondent.UserName);
            var decision = AnswerSurvey.Decide(FeedbackTarget.Of(consultation, []), await surveyLoad, profile, command, time.GetUtcNow());
            if (!decision.Accepted) return SurveyAnswerOutcome.Refused(decision);
            var answered = (SurveyAnswered)decision.Events[0];
            var stream = await session.Events.FetchForWriting<SurveyResponse>(answered.ResponseId, cancellation);
            stream.AppendOne(answered);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return new SurveyAnswerOutcome(decision, answered.ResponseId, stream.CurrentVersion ?? 1);
            }
            catch (Exception e) when (attempt == 0 && e is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException)
            {
                // The same expert's other request (another tab) committed first: answer again on top of it;
                // the later answer replaces the earlier, as a second response does.
            }
        }
    }
}
