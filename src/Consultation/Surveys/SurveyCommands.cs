using JasperFx;
using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Surveys.Answering;
using Nq45Consult.Consultation.Surveys.Defining;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>Runs the survey decide functions against the event store, one session and transaction each.</summary>
public sealed class SurveyCommands(IDocumentStore store, TimeProvider time, IAuthorProfiles? profiles = null)
{
    private const string ConsultationNotFound = "Không tìm thấy đợt lấy ý kiến.";

    /// <summary>
    /// Appends to the consultation's stream with optimistic concurrency, so two moderators editing at once
    /// cannot both win on stale questions.
    /// </summary>
    public async Task<FeedbackOutcome> Define(DefineSurvey command, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(command.ConsultationId, cancellation);
        if (stream.Aggregate is not { } consultation) return FeedbackOutcome.NotFound(ConsultationNotFound);
        var survey = await session.LoadAsync<Survey>(command.ConsultationId, cancellation);
        var responses = survey is null ? 0 : await session.Query<SurveyResponse>()
            .CountAsync(r => r.ConsultationId == command.ConsultationId && r.Revision == survey.Revision, cancellation);
        var decision = DefineSurvey.Decide(consultation, survey, responses, command, time.GetUtcNow());
        if (!decision.Accepted) return FeedbackOutcome.Refused(decision);
        if (decision.Events.Count == 0) return new FeedbackOutcome(decision, command.ConsultationId, stream.CurrentVersion ?? 0);
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return FeedbackOutcome.Refused(Decision.Conflict("Đợt lấy ý kiến vừa thay đổi ở nơi khác; hãy tải lại rồi thử lại."));
        }
        return new FeedbackOutcome(decision, command.ConsultationId, stream.CurrentVersion ?? 0);
    }

    /// <summary>
    /// Records the respondent's answers in their own stream; a second response is appended to it and replaces
    /// the first in the results. Returns the response's stream version.
    /// </summary>
    public async Task<FeedbackOutcome> Answer(AnswerSurvey command, CancellationToken cancellation = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var consultationLoad = batch.Load<ConsultationDetails>(command.ConsultationId);
            var surveyLoad = batch.Load<Survey>(command.ConsultationId);
            await batch.Execute(cancellation);
            if (await consultationLoad is not { } consultation) return FeedbackOutcome.NotFound(ConsultationNotFound);
            if (profiles is not null && command.Respondent.Profile is null)
                command = command with { Respondent = command.Respondent with { Profile = (await profiles.Find(session, [command.Respondent.UserName], cancellation)).GetValueOrDefault(command.Respondent.UserName) } };
            var decision = AnswerSurvey.Decide(FeedbackTarget.Of(consultation, []), await surveyLoad, command, time.GetUtcNow());
            if (!decision.Accepted) return FeedbackOutcome.Refused(decision);
            var answered = (SurveyAnswered)decision.Events[0];
            var stream = await session.Events.FetchForWriting<SurveyResponse>(answered.ResponseId, cancellation);
            stream.AppendOne(answered);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return new FeedbackOutcome(decision, answered.ResponseId, stream.CurrentVersion ?? 1);
            }
            catch (Exception e) when (attempt == 0 && e is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException)
            {
                // The same expert's other request (another tab) committed first: answer again on top of it;
                // the later answer replaces the earlier, as a second response does.
            }
        }
    }
}
