using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Asking;

/// <summary>A participant asks, optionally about a section of the draft; with pre-moderation it waits for approval.</summary>
public sealed record AskQuestion(Guid SessionId, Guid QuestionId, string? Text, string? SectionAnchor, Caller Caller)
{
    public const int MaxAnchorLength = 200;

    public static Decision Decide(DialogueSession session, AskQuestion command, DialogueOptions options, DateTimeOffset now) =>
        Rules.Live(session)
        ?? Rules.Text(command.Text, options.MaxQuestionLength, "text")
        ?? (command.SectionAnchor is { Length: > MaxAnchorLength } ? Decision.Invalid("sectionAnchor", DomainText.SectionAnchorTooLong) : null)
        ?? Decision.Accept(new QuestionAsked(
            session.Id, command.QuestionId, command.Text!.Trim(), string.IsNullOrWhiteSpace(command.SectionAnchor) ? null : command.SectionAnchor.Trim(),
            session.PreModeration && !command.Caller.IsModerator, command.Caller.UserName, command.Caller.DisplayName, now));
}

public sealed class AskQuestionHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(AskQuestion command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => AskQuestion.Decide(session, command, options.Value, now), cancellation);
}
