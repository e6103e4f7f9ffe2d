namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator lets a pending question into the room.</summary>
public static class ApproveQuestion
{
    public static Decision Decide(DialogueSession session, Guid questionId, Participant actor, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(actor) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(questionId, out var question)) return Rules.NoSuchQuestion;
        return question.Status == QuestionStatus.Pending
            ? Decision.Accept(new QuestionApproved(session.Id, questionId, actor.UserName, now))
            : Decision.Conflict("Câu hỏi không chờ duyệt.");
    }
}
