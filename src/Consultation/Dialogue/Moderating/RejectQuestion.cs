namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator turns a question away, with a reason its asker sees.</summary>
public static class RejectQuestion
{
    public static Decision Decide(DialogueSession session, Guid questionId, string? reason, Participant actor, DialogueOptions options, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(actor) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(questionId, out var question)) return Rules.NoSuchQuestion;
        refusal = Rules.Text(reason, options.MaxReasonLength, "reason");
        if (refusal is not null) return refusal;
        return question.Status == QuestionStatus.Rejected
            ? Decision.Conflict("Câu hỏi đã bị từ chối.")
            : Decision.Accept(new QuestionRejected(session.Id, questionId, reason!.Trim(), actor.UserName, now));
    }
}
