namespace Nq45Consult.Consultation.Common;

/// <summary>
/// What every <c>Decide</c> function concludes: the events to append, or a <see cref="Common.Refusal"/> and nothing to
/// append. <see cref="Errors"/> names the fields of bad input; <see cref="Reason"/> says why otherwise.
/// </summary>
public sealed record Decision(
    IReadOnlyList<object> Events,
    Refusal? Refusal,
    string? Reason,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<string> Warnings)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public bool Accepted => Refusal is null;

    /// <summary>The first field at fault, for answers that name one (hub errors).</summary>
    public string? Field => Errors.Keys.FirstOrDefault();

    public static Decision Accept(params object[] events) => new(events, null, null, NoErrors, []);

    /// <summary>Accepted, and nothing changes (e.g. voting again for the option already chosen).</summary>
    public static readonly Decision Nothing = Accept();

    public static Decision Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new([], Common.Refusal.Invalid, errors.Values.SelectMany(messages => messages).FirstOrDefault(), errors, []);

    public static Decision Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Decision Oversized(string field, string message) => Invalid(field, message) with { Refusal = Common.Refusal.TooLarge };

    public static Decision Forbid(string reason) => new([], Common.Refusal.Forbidden, reason, NoErrors, []);

    public static Decision NotFound(string reason) => new([], Common.Refusal.NotFound, reason, NoErrors, []);

    public static Decision Conflict(string reason) => new([], Common.Refusal.Conflict, reason, NoErrors, []);

    /// <summary>A rule the current state forbids, caused by one field (a user name already taken).</summary>
    public static Decision Conflict(string field, string reason) =>
        new([], Common.Refusal.Conflict, reason, new Dictionary<string, string[]> { [field] = [reason] }, []);

    public Decision WithWarnings(IReadOnlyList<string> warnings) => this with { Warnings = warnings };
}
