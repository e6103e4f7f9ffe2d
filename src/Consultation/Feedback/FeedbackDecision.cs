namespace Nq45Consult.Consultation.Feedback;

/// <summary>Why a command was refused; each maps to one HTTP status at the edge.</summary>
public enum Refusal
{
    /// <summary>Bad input (400); <see cref="FeedbackDecision.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The item or consultation does not exist, or the caller may not see it (404).</summary>
    NotFound,

    /// <summary>The current state forbids it: consultation not open, item withdrawn (409).</summary>
    Conflict,
}

/// <summary>What a feedback decide function concludes: the events to append, or why not.</summary>
public sealed record FeedbackDecision(
    IReadOnlyList<object> Events,
    Refusal? Refused,
    string? Reason,
    IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public bool Accepted => Refused is null;

    public static FeedbackDecision Accept(params object[] events) => new(events, null, null, NoErrors);

    public static FeedbackDecision Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new([], Refusal.Invalid, "Dữ liệu gửi lên chưa hợp lệ.", errors);

    public static FeedbackDecision Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static FeedbackDecision Forbid(string reason) => new([], Refusal.Forbidden, reason, NoErrors);

    public static FeedbackDecision NotFound(string reason) => new([], Refusal.NotFound, reason, NoErrors);

    public static FeedbackDecision Conflict(string reason) => new([], Refusal.Conflict, reason, NoErrors);
}
