using Marten;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>Reads of surveys; results are computed from the per-respondent documents at read time.</summary>
public sealed class SurveyQueries(IQuerySession session)
{
    public Task<Survey?> Find(Guid consultationId, CancellationToken cancellation = default) =>
        session.LoadAsync<Survey>(consultationId, cancellation);

    public Task<SurveyResponse?> ResponseOf(Guid consultationId, string userName, CancellationToken cancellation = default) =>
        session.LoadAsync<SurveyResponse>(SurveyResponse.IdOf(consultationId, userName), cancellation);

    public async Task<SurveyResults> Results(Survey survey, CancellationToken cancellation = default)
    {
        var responses = await session.Query<SurveyResponse>()
            .Where(r => r.ConsultationId == survey.Id && r.Revision == survey.Revision)
            .ToListAsync(cancellation);
        return SurveyResults.Of(survey, responses);
    }
}
