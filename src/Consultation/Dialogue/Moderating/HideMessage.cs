using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator hides a chat message, with a reason; the text stays in the record.</summary>
public sealed record HideMessage(Guid SessionId, Guid MessageId, string? Reason, Caller Caller)
{
    public static Decision Decide(DialogueSession session, HideMessage command, DialogueOptions options, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(command.Caller) ?? Rules.Live(session) ?? Rules.Text(command.Reason, options.MaxReasonLength, "reason");
        if (refusal is not null) return refusal;
        if (!session.Messages.TryGetValue(command.MessageId, out var message)) return Decision.NotFound(DomainText.MessageNotFound);
        return message.IsHidden
            ? Decision.Conflict(DomainText.MessageHidden)
            : Decision.Accept(new ChatMessageHidden(session.Id, command.MessageId, command.Reason!.Trim(), command.Caller.UserName, now));
    }
}

public sealed class HideMessageHandler(DialogueSessions sessions, IOptions<DialogueOptions> options)
{
    public Task<DialogueOutcome> Handle(HideMessage command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => HideMessage.Decide(session, command, options.Value, now), cancellation);
}
