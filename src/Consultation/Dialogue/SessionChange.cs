namespace Nq45Consult.Consultation.Dialogue;

/// <summary>One stored event of a session with its stream version (the clients' <c>seq</c>) and the state right after it.</summary>
public sealed record SessionChange(long Seq, object Event, DialogueSession After)
{
    /// <summary>The question the event is about, if any.</summary>
    public Question? Question => Event switch
    {
        QuestionAsked e => After.Questions[e.QuestionId],
        QuestionUpvoted e => After.Questions[e.QuestionId],
        QuestionUpvoteWithdrawn e => After.Questions[e.QuestionId],
        QuestionApproved e => After.Questions[e.QuestionId],
        QuestionRejected e => After.Questions[e.QuestionId],
        QuestionAnswered e => After.Questions[e.QuestionId],
        _ => null,
    };

    /// <summary>
    /// Whether everyone in the room may learn of it. A question that never was public (pending under
    /// pre-moderation, or rejected while pending) is news only for its asker and the moderators.
    /// </summary>
    public bool IsForEveryone => Question is not { IsPublic: false };

    /// <summary>The changes that <paramref name="events"/> make to <paramref name="before"/>, numbered on from its version.</summary>
    public static IReadOnlyList<SessionChange> Of(DialogueSession before, IEnumerable<object> events)
    {
        var changes = new List<SessionChange>();
        var state = before;
        foreach (var e in events)
        {
            state = state.Apply(e);
            changes.Add(new SessionChange(state.Version, e, state));
        }
        return changes;
    }

    /// <summary>Every change of a whole stream, from its first event.</summary>
    public static IReadOnlyList<SessionChange> OfStream(IReadOnlyList<object> events)
    {
        if (events.Count == 0) return [];
        var first = DialogueSession.Create((SessionScheduled)events[0]);
        return [new SessionChange(1, events[0], first), .. Of(first, events.Skip(1))];
    }

    /// <summary>
    /// The change as a replay tells it now: a chat message hidden since it was said is replayed hidden, so a client
    /// that resyncs never receives text a moderator has removed.
    /// </summary>
    public SessionChange AsOf(DialogueSession now) =>
        Event is ChatMessageSaid said && now.Messages.TryGetValue(said.MessageId, out var message) && message.IsHidden
            ? this with { After = After with { Messages = After.Messages.SetItem(said.MessageId, message) } }
            : this;

    public bool IsVisibleTo(Caller caller) =>
        IsForEveryone || caller.IsModerator || Question?.AskedBy.Equals(caller.UserName, StringComparison.OrdinalIgnoreCase) == true;
}
