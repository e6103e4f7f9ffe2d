namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator or official answers a question; a pending one is approved by being answered.</summary>
public static class AnswerQuestion
{
    public static Decision Decide(DialogueSession session, Guid questionId, string? text, Participant actor, DialogueOptions options, DateTimeOffset now)
    {
        if (!actor.MayAnswer) return Decision.Forbid("Chỉ người điều hành hoặc cơ quan soạn thảo mới được trả lời.");
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(questionId, out var question)) return Rules.NoSuchQuestion;
        refusal = Rules.Text(text, options.MaxAnswerLength, "text");
        if (refusal is not null) return refusal;
        return question.Status == QuestionStatus.Rejected
            ? Decision.Conflict("Câu hỏi đã bị từ chối.")
            : Decision.Accept(new QuestionAnswered(session.Id, questionId, text!.Trim(), actor.UserName, actor.DisplayName, now));
    }
}
