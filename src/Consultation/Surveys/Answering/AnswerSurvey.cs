using System.Text.Json;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Surveys.Answering;

/// <summary>
/// An expert answers a consultation's survey. Who may answer is who may give feedback (the same
/// <see cref="FeedbackTarget"/> rules: an expert, invited when the consultation is by invitation, while open).
/// </summary>
public sealed record AnswerSurvey(Guid ConsultationId, IReadOnlyDictionary<string, JsonElement>? Answers, Participant Respondent)
{
    public static Decision Decide(FeedbackTarget target, Survey? survey, AnswerSurvey command, DateTimeOffset now)
    {
        if (survey is null) return Decision.NotFound("Đợt lấy ý kiến này không có phiếu khảo sát.");
        if (!target.Admits(command.Respondent))
            return Decision.Forbid(command.Respondent.IsExpert
                ? "Đợt lấy ý kiến này chỉ dành cho chuyên gia được mời."
                : "Chỉ chuyên gia mới trả lời khảo sát; quản trị viên và cán bộ chỉ xem kết quả.");
        if (!target.IsOpen) return Decision.Conflict(FeedbackTarget.NotOpenReason(target.Status));

        var errors = new Dictionary<string, string[]>();
        var answers = SurveyAnswers.From(survey, command.Answers, errors);
        if (answers is null) return Decision.Invalid(errors);
        return Decision.Accept(new SurveyAnswered(
            SurveyResponse.IdOf(target.ConsultationId, command.Respondent.UserName), target.ConsultationId, survey.Revision,
            answers, command.Respondent.UserName, now, RespondentProfile.Of(command.Respondent.Profile)));
    }
}
