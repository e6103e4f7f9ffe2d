namespace Nq45Consult.Consultation.Dialogue.Polling;

/// <summary>A moderator closes a poll; its results are final.</summary>
public static class ClosePoll
{
    public static Decision Decide(DialogueSession session, Guid pollId, Participant actor, DateTimeOffset now)
    {
        var refusal = Rules.Moderator(actor) ?? Rules.Live(session);
        if (refusal is not null) return refusal;
        if (!session.Polls.TryGetValue(pollId, out var poll)) return Rules.NoSuchPoll;
        return poll.IsOpen
            ? Decision.Accept(new PollClosed(session.Id, pollId, actor.UserName, now))
            : Decision.Conflict("Cuộc thăm dò đã đóng.");
    }
}
