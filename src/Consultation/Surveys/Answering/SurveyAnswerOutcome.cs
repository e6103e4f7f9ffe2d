namespace Nq45Consult.Consultation.Surveys.Answering;

/// <summary>What became of an answer: the decision, and when accepted the response's id and stream version (1: the first response).</summary>
public sealed record SurveyAnswerOutcome(Decision Decision, Guid ResponseId, long Version)
{
    public static SurveyAnswerOutcome Refused(Decision decision) => new(decision, Guid.Empty, 0);
}
