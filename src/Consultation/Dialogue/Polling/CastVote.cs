namespace Nq45Consult.Consultation.Dialogue.Polling;

/// <summary>
/// A participant votes on an open poll. Single choice: the option replaces any earlier choice. Multiple
/// choice: the option is added to, or taken out of, the voter's selection.
/// </summary>
public static class CastVote
{
    public static Decision Decide(DialogueSession session, Guid pollId, int option, Participant actor, DateTimeOffset now)
    {
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Polls.TryGetValue(pollId, out var poll)) return Rules.NoSuchPoll;
        if (!poll.IsOpen) return Decision.Conflict("Cuộc thăm dò đã đóng.");
        if (option < 0 || option >= poll.Options.Count) return Decision.Invalid("optionIndex", "Không có phương án này.");
        var current = poll.SelectionOf(actor.UserName);
        IReadOnlyList<int> selection = !poll.MultipleChoice ? [option]
            : current.Contains(option) ? [.. current.Where(o => o != option)]
            : [.. current.Append(option).Order()];
        return selection.SequenceEqual(current)
            ? Decision.Nothing
            : Decision.Accept(new PollVoteCast(session.Id, pollId, selection, actor.UserName, now));
    }
}
