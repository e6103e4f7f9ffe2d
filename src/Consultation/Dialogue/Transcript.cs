namespace Nq45Consult.Consultation.Dialogue;

/// <summary>
/// What a session leaves for the record and the synthesis report, in stream order: the questions the
/// room saw (with their answers), the polls with their results, and the chat that was not hidden.
/// Pending and rejected questions are the moderators' business and stay out.
/// </summary>
public sealed record Transcript(DialogueSession Session, IReadOnlyList<Question> Questions, IReadOnlyList<Poll> Polls, IReadOnlyList<ChatMessage> Messages)
{
    public static Transcript Of(DialogueSession session) => new(
        session,
        [.. session.Questions.Values.Where(q => q.Status == QuestionStatus.Visible).OrderBy(q => q.AskedSeq)],
        [.. session.Polls.Values.OrderBy(p => p.OpenedSeq)],
        [.. session.Messages.Values.Where(m => !m.IsHidden).OrderBy(m => m.Seq)]);
}
