using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>Reads of surveys, and who may see them; results are computed from the per-respondent documents at read time.</summary>
public sealed class SurveyQueries(IQuerySession session)
{
    public Task<Survey?> Find(Guid consultationId, CancellationToken cancellation = default) =>
        session.LoadAsync<Survey>(consultationId, cancellation);

    public Task<SurveyResponse?> ResponseOf(Guid consultationId, string userName, CancellationToken cancellation = default) =>
        session.LoadAsync<SurveyResponse>(SurveyResponse.IdOf(consultationId, userName), cancellation);

    /// <summary>The consultation and its survey, in one round trip.</summary>
    public async Task<(ConsultationDetails? Consultation, Survey? Survey)> Load(Guid consultationId, CancellationToken cancellation = default)
    {
        var batch = session.CreateBatchQuery();
        var consultation = batch.Load<ConsultationDetails>(consultationId);
        var survey = batch.Load<Survey>(consultationId);
        await batch.Execute(cancellation);
        return (await consultation, await survey);
    }

    /// <summary>
    /// The same, as <paramref name="caller"/> may see them: the survey is visible with its consultation, once opened or
    /// to moderators before; both null otherwise.
    /// </summary>
    public async Task<(ConsultationDetails? Consultation, Survey? Survey)> Visible(Guid consultationId, Caller? caller, CancellationToken cancellation = default)
    {
        var (consultation, survey) = await Load(consultationId, cancellation);
        return consultation is not null && (consultation.IsPublished || caller?.IsModerator == true) ? (consultation, survey) : (null, null);
    }

    /// <summary>Who may see a survey's results: moderators and officials always; everyone after closing when the moderator made them public.</summary>
    public static bool MaySeeResults(ConsultationDetails consultation, Survey survey, Caller? caller) =>
        caller?.IsReviewer == true || consultation.Status == ConsultationStatus.Closed && survey.ResultsPublic;

    public async Task<SurveyResults> Results(Survey survey, CancellationToken cancellation = default)
    {
        var responses = await session.Query<SurveyResponse>()
            .Where(r => r.ConsultationId == survey.Id && r.Revision == survey.Revision)
            .ToListAsync(cancellation);
        return SurveyResults.Of(survey, responses);
    }
}
