using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator turns a question away, with a reason its asker sees.</summary>
public sealed record RejectQuestion(Guid SessionId, Guid QuestionId, string? Reason, Caller Caller)
{
    public static Decision Decide(DialogueSession session, RejectQuestion command, DialogueOptions options, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(command.QuestionId, out var question)) return Rules.NoSuchQuestion;
        refusal = Rules.Text(command.Reason, options.MaxReasonLength, "reason");
        if (refusal is not null) return refusal;
        return question.Status == QuestionStatus.Rejected
            ? Decision.Conflict(DomainText.QuestionRejected)
            : Decision.Accept(new QuestionRejected(session.Id, command.QuestionId, command.Reason!.Trim(), command.Caller.UserName, now));
    }
}

public sealed class RejectQuestionHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(RejectQuestion command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => RejectQuestion.Decide(session, command, options.Value, now), cancellation);
}
