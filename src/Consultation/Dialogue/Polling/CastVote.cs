namespace Nq45Consult.Consultation.Dialogue.Polling;

/// <summary>
/// A participant votes on an open poll. Single choice: the option replaces any earlier choice. Multiple
/// choice: the option is added to, or taken out of, the voter's selection.
/// </summary>
public sealed record CastVote(Guid SessionId, Guid PollId, int Option, Caller Caller)
{
    public static Decision Decide(DialogueSession session, CastVote command, DateTimeOffset now)
    {
        var refusal = Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Polls.TryGetValue(command.PollId, out var poll)) return Rules.NoSuchPoll;
        if (!poll.IsOpen) return Decision.Conflict(DomainText.PollClosed);
        var option = command.Option;
        if (option < 0 || option >= poll.Options.Count) return Decision.Invalid("optionIndex", DomainText.PollNoSuchOption);
        var current = poll.SelectionOf(command.Caller.UserName);
        IReadOnlyList<int> selection = !poll.MultipleChoice ? [option]
            : current.Contains(option) ? [.. current.Where(o => o != option)]
            : [.. current.Append(option).Order()];
        return selection.SequenceEqual(current)
            ? Decision.Nothing
            : Decision.Accept(new PollVoteCast(session.Id, command.PollId, selection, command.Caller.UserName, now));
    }
}

public sealed class CastVoteHandler(DialogueSessions sessions)
{
    public Task<DialogueOutcome> Handle(CastVote command, CancellationToken cancellation) =>
        sessions.Execute(command.SessionId, (session, now) => CastVote.Decide(session, command, now), cancellation);
}
