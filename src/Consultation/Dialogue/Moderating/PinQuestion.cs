namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator pins a visible question on top of the room; pinning the pinned one unpins it.</summary>
public sealed record PinQuestion(Guid SessionId, Guid QuestionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, PinQuestion command, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(command.QuestionId, out var question)) return Rules.NoSuchQuestion;
        if (question.Status != QuestionStatus.Visible) return Decision.Conflict(DomainText.PinVisibleOnly);
        var pinned = session.PinnedQuestionId == command.QuestionId ? (Guid?)null : command.QuestionId;
        return Decision.Accept(new QuestionPinned(session.Id, pinned, command.Caller.UserName, now));
    }
}

public sealed class PinQuestionHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(PinQuestion command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => PinQuestion.Decide(session, command, now), cancellation);
}
