using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator or official answers a question; a pending one is approved by being answered.</summary>
public sealed record AnswerQuestion(Guid SessionId, Guid QuestionId, string? Text, Caller Caller)
{
    public static Decision Decide(DialogueSession session, AnswerQuestion command, DialogueOptions options, DateTimeOffset now)
    {
        if (!command.Caller.MayAnswer()) return Decision.Forbid(DomainText.AnswerModeratorOrAgencyOnly);
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Questions.TryGetValue(command.QuestionId, out var question)) return Rules.NoSuchQuestion;
        refusal = Rules.Text(command.Text, options.MaxAnswerLength, "text");
        if (refusal is not null) return refusal;
        return question.Status == QuestionStatus.Rejected
            ? Decision.Conflict(DomainText.QuestionRejected)
            : Decision.Accept(new QuestionAnswered(
                session.Id, command.QuestionId, command.Text!.Trim(), command.Caller.UserName, command.Caller.DisplayName, now));
    }
}

public sealed class AnswerQuestionHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(AnswerQuestion command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => AnswerQuestion.Decide(session, command, options.Value, now), cancellation);
}
