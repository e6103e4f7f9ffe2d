namespace Nq45Consult.Consultation.Dialogue.Asking;

/// <summary>A participant upvotes a visible question, or takes the upvote back: one per person.</summary>
public static class ToggleUpvote
{
    public static Decision Decide(DialogueSession session, Guid questionId, Participant actor, DateTimeOffset now)
    {
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(questionId, out var question)) return Rules.NoSuchQuestion;
        if (question.Status != QuestionStatus.Visible) return Decision.Conflict("Chỉ bình chọn được câu hỏi đang hiển thị.");
        return question.Voters.Contains(actor.UserName)
            ? Decision.Accept(new QuestionUpvoteWithdrawn(session.Id, questionId, actor.UserName, now))
            : Decision.Accept(new QuestionUpvoted(session.Id, questionId, actor.UserName, now));
    }
}
