using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Chatting;

/// <summary>A participant says something short in the room's chat.</summary>
public sealed record SayMessage(Guid SessionId, Guid MessageId, string? Text, Caller Caller)
{
    public static Decision Decide(DialogueSession session, SayMessage command, DialogueOptions options, DateTimeOffset now) =>
        Rules.Live(session)
        ?? Rules.Text(command.Text, options.MaxMessageLength, "text")
        ?? Decision.Accept(new ChatMessageSaid(
            session.Id, command.MessageId, command.Text!.Trim(), command.Caller.UserName, command.Caller.DisplayName, now));
}

public sealed class SayMessageHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(SayMessage command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => SayMessage.Decide(session, command, options.Value, now), cancellation);
}
