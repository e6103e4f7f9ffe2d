namespace Nq45Consult.Consultation.Dialogue.Chatting;

/// <summary>A participant says something short in the room's chat.</summary>
public static class SayMessage
{
    public static Decision Decide(DialogueSession session, Guid messageId, string? text, Participant actor, DialogueOptions options, DateTimeOffset now) =>
        Rules.Live(session)
        ?? Rules.Text(text, options.MaxMessageLength, "text")
        ?? Decision.Accept(new ChatMessageSaid(session.Id, messageId, text!.Trim(), actor.UserName, actor.DisplayName, now));
}
