using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Surveys;

/// <summary>Who may see a survey's results: moderators and officials always; everyone after closing when the moderator made them public.</summary>
public static class SurveyAccess
{
    public static bool MaySeeResults(ConsultationDetails consultation, Survey survey, Reader reader) =>
        reader.IsReviewer || consultation.Status == ConsultationStatus.Closed && survey.ResultsPublic;

    /// <summary>The survey itself is visible with its consultation (<see cref="ConsultationVisibility"/>).</summary>
    public static bool MaySeeSurvey(ConsultationDetails consultation, Reader reader) => consultation.IsVisibleTo(reader.User);

    /// <summary>The consultation and its survey, in one round trip.</summary>
    public static async Task<(ConsultationDetails? Consultation, Survey? Survey)> Load(IQuerySession session, Guid consultationId, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var consultation = batch.Load<ConsultationDetails>(consultationId);
        var survey = batch.Load<Survey>(consultationId);
        await batch.Execute(cancellation);
        return (await consultation, await survey);
    }
}
