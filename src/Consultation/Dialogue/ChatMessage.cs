namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A chat message of a session; a hidden one keeps its text for the record but is not shown.</summary>
public sealed record ChatMessage(
    Guid Id, string Text, string SaidBy, string SaidByName, DateTimeOffset SaidAt, long Seq, string? HiddenReason = null)
{
    public static ChatMessage From(ChatMessageSaid e, long seq) => new(e.MessageId, e.Text, e.SaidBy, e.SaidByName, e.SaidAt, seq);

    public bool IsHidden => HiddenReason is not null;
}
