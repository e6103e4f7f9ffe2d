namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator lets a pending question into the room.</summary>
public sealed record ApproveQuestion(Guid SessionId, Guid QuestionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, ApproveQuestion command, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(command.QuestionId, out var question)) return Rules.NoSuchQuestion;
        return question.Status == QuestionStatus.Pending
            ? Decision.Accept(new QuestionApproved(session.Id, command.QuestionId, command.Caller.UserName, now))
            : Decision.Conflict(DomainText.QuestionNotPending);
    }
}

public sealed class ApproveQuestionHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(ApproveQuestion command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => ApproveQuestion.Decide(session, command, now), cancellation);
}
