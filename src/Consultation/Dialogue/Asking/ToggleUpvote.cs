namespace Nq45Consult.Consultation.Dialogue.Asking;

/// <summary>A participant upvotes a visible question, or takes the upvote back: one per person.</summary>
public sealed record ToggleUpvote(Guid SessionId, Guid QuestionId, Caller Caller)
{
    public static Decision Decide(DialogueSession session, ToggleUpvote command, DateTimeOffset now)
    {
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(command.QuestionId, out var question)) return Rules.NoSuchQuestion;
        if (question.Status != QuestionStatus.Visible) return Decision.Conflict(DomainText.UpvoteVisibleOnly);
        return question.Voters.Contains(command.Caller.UserName)
            ? Decision.Accept(new QuestionUpvoteWithdrawn(session.Id, command.QuestionId, command.Caller.UserName, now))
            : Decision.Accept(new QuestionUpvoted(session.Id, command.QuestionId, command.Caller.UserName, now));
    }
}

public sealed class ToggleUpvoteHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(ToggleUpvote command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => ToggleUpvote.Decide(session, command, now), cancellation);
}
