using JasperFx;
using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Surveys.Defining;

/// <summary>
/// A moderator sets a consultation's survey: its questions and whether results become public after closing.
/// Once anyone has answered, the questions are frozen (answers refer to them by id and option index), and
/// after closing too; whether results are public can still be changed.
/// </summary>
public sealed record DefineSurvey(Guid ConsultationId, IReadOnlyList<QuestionInput?>? Questions, bool ResultsPublic, string DefinedBy)
{
    public static Decision Decide(ConsultationState consultation, Survey? current, int responses, DefineSurvey command, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = SurveyQuestions.From(command.Questions, errors);
        if (questions is null) return Decision.Invalid(errors);

        var unchanged = current?.SameQuestionsAs(questions) == true;
        if (!unchanged && responses > 0)
            return Decision.Conflict(DomainText.SurveyHasResponses(responses));
        if (!unchanged && consultation.Status == ConsultationStatus.Closed)
            return Decision.Conflict(DomainText.SurveyConsultationEnded);
        if (unchanged && current!.ResultsPublic == command.ResultsPublic) return Decision.Accept();

        var revision = unchanged ? current!.Revision : (current?.Revision ?? 0) + 1;
        return Decision.Accept(new SurveyDefined(consultation.Id, revision, questions, command.ResultsPublic, command.DefinedBy, now));
    }
}

/// <summary>
/// Appends to the consultation's stream with optimistic concurrency, so two moderators editing at once
/// cannot both win on stale questions.
/// </summary>
public sealed class DefineSurveyHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(DefineSurvey command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(command.ConsultationId, cancellation);
        if (stream.Aggregate is not { } consultation) return Decision.NotFound(DomainText.ConsultationNotFound);
        var survey = await session.LoadAsync<Survey>(command.ConsultationId, cancellation);
        var responses = survey is null ? 0 : await session.Query<SurveyResponse>()
            .CountAsync(r => r.ConsultationId == command.ConsultationId && r.Revision == survey.Revision, cancellation);
        var decision = DefineSurvey.Decide(consultation, survey, responses, command, time.GetUtcNow());
        if (!decision.Accepted || decision.Events.Count == 0) return decision;
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return Decision.Conflict(DomainText.ConsultationChangedElsewhere);
        }
        return decision;
    }
}
