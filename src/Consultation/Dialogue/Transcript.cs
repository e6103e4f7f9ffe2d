namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// What a session leaves for the record and the synthesis report, in stream order: the questions the
/// room saw (with their answers), the polls with their results, and the chat that was not hidden.
/// Pending questions stay out; rejected ones, with the reason, are in the moderators' copy only —
/// they account for what was turned away, which is nobody else's business.
/// </summary>
public sealed record Transcript(DialogueSession Session, IReadOnlyList<Question> Questions, IReadOnlyList<Poll> Polls, IReadOnlyList<ChatMessage> Messages)
{
    public static Transcript Of(DialogueSession session, Caller reader) => new(
        session,
        [.. session.Questions.Values
            .Where(q => q.Status == QuestionStatus.Visible || (q.Status == QuestionStatus.Rejected && reader.IsModerator))
            .OrderBy(q => q.AskedSeq)],
        [.. session.Polls.Values.OrderBy(p => p.OpenedSeq)],
        [.. session.Messages.Values.Where(m => !m.IsHidden).OrderBy(m => m.Seq)]);
}
