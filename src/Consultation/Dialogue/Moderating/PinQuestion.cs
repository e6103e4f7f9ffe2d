namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator pins a visible question on top of the room; pinning the pinned one unpins it.</summary>
public static class PinQuestion
{
    public static Decision Decide(DialogueSession session, Guid questionId, Participant actor, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(actor) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(questionId, out var question)) return Rules.NoSuchQuestion;
        if (question.Status != QuestionStatus.Visible) return Decision.Conflict("Chỉ ghim được câu hỏi đang hiển thị.");
        var pinned = session.PinnedQuestionId == questionId ? (Guid?)null : questionId;
        return Decision.Accept(new QuestionPinned(session.Id, pinned, actor.UserName, now));
    }
}
