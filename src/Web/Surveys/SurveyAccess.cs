using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Surveys;

/// <summary>Who may see a survey's results: moderators and officials always; everyone after closing when the moderator made them public.</summary>
public static class SurveyAccess
{
    public static bool MaySeeResults(ConsultationDetails consultation, Survey survey, Reader reader) =>
        reader.IsReviewer || consultation.Status == ConsultationStatus.Closed && survey.ResultsPublic;

    /// <summary>The survey itself is visible with its consultation: once opened, or to moderators before.</summary>
    public static bool MaySeeSurvey(ConsultationDetails consultation, Reader reader) => consultation.IsPublished || reader.IsModerator;
}
