namespace Nq45Consult.Consultation.Dialogue;

/// <summary>Checks shared by the decide functions; each returns the refusal, or null when the rule holds.</summary>
internal static class Rules
{
    public static Decision? Live(DialogueSession session) => session.Status switch
    {
        SessionStatus.Scheduled => Decision.Conflict(DomainText.SessionNotStarted),
        SessionStatus.Ended => Decision.Conflict(DomainText.SessionEnded),
        _ => null,
    };

    public static Decision? Moderator(Caller actor) =>
        actor.IsModerator ? null : Decision.Forbid(DomainText.SessionModeratorOnly);

    /// <summary>Trimmed text that is neither empty nor longer than <paramref name="max"/>.</summary>
    public static Decision? Text(string? text, int max, string field) =>
        string.IsNullOrWhiteSpace(text) ? Decision.Invalid(field, DomainText.TextRequired)
        : text.Trim().Length > max ? Decision.Invalid(field, DomainText.TextTooLongOver(max))
        : null;

    public static Decision NoSuchQuestion => Decision.NotFound(DomainText.QuestionNotFound);

    public static Decision NoSuchPoll => Decision.NotFound(DomainText.PollNotFound);
}
