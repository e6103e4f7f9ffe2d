namespace Nq45Consult.Consultation.Dialogue.Moderating;

/// <summary>A moderator hides a chat message, with a reason; the text stays in the record.</summary>
public static class HideMessage
{
    public static Decision Decide(DialogueSession session, Guid messageId, string? reason, Participant actor, DialogueOptions options, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(actor) ?? Rules.Live(session) ?? Rules.Text(reason, options.MaxReasonLength, "reason");
        if (refusal is not null) return refusal;
        if (!session.Messages.TryGetValue(messageId, out var message)) return Decision.NotFound("Không tìm thấy tin nhắn.");
        return message.IsHidden
            ? Decision.Conflict("Tin nhắn đã bị ẩn.")
            : Decision.Accept(new ChatMessageHidden(session.Id, messageId, reason!.Trim(), actor.UserName, now));
    }
}
