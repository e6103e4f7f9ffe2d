namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Why an action was refused; the API maps it to a status code, the hub to a <c>HubException</c>.</summary>
public enum Refusal
{
    /// <summary>Bad input (400), named by <see cref="DialogueDecision.Field"/>.</summary>
    Invalid,

    /// <summary>The caller's role does not allow it (403).</summary>
    Forbidden,

    /// <summary>No such session, question, poll or message (404).</summary>
    NotFound,

    /// <summary>The session's state forbids it now (409): not started, ended, poll closed…</summary>
    Conflict,
}

/// <summary>What a decide function concludes: the events to append, or why not (nothing is stored then).</summary>
public sealed record DialogueDecision(IReadOnlyList<object> Events, Refusal? Refusal, string? Reason, string? Field)
{
    public bool Accepted => Refusal is null;

    public static DialogueDecision Accept(params object[] events) => new(events, null, null, null);

    /// <summary>Accepted, and nothing changes (e.g. voting again for the option already chosen).</summary>
    public static readonly DialogueDecision Nothing = new([], null, null, null);

    public static DialogueDecision Invalid(string field, string reason) => new([], Dialogue.Refusal.Invalid, reason, field);

    public static DialogueDecision Forbidden(string reason) => new([], Dialogue.Refusal.Forbidden, reason, null);

    public static DialogueDecision NotFound(string reason) => new([], Dialogue.Refusal.NotFound, reason, null);

    public static DialogueDecision Conflict(string reason) => new([], Dialogue.Refusal.Conflict, reason, null);
}
