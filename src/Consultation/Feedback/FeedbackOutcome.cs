namespace Nq45Consult.Consultation.Feedback;

/// <summary>What happened to a feedback command: the decision, and when accepted the item's id and stream version.</summary>
public sealed record FeedbackOutcome(Decision Decision, Guid Id, long Version)
{
    /// <summary>The <c>If-Match</c> version was not the item's current one (412).</summary>
    public bool Stale { get; init; }

    /// <summary>A retried submission: the first result, nothing new stored.</summary>
    public bool Replayed { get; init; }

    public static FeedbackOutcome Refused(Decision decision) => new(decision, Guid.Empty, 0);

    public static FeedbackOutcome NotFound(string what) => Refused(Decision.NotFound(what));

    public static readonly FeedbackOutcome StaleVersion =
        new(Decision.Conflict(DomainText.FeedbackChangedElsewhere), Guid.Empty, 0) { Stale = true };
}
