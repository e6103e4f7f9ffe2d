namespace Nq45Consult.Consultation.Drafts.Consultations;

/// <summary>
/// What a command's decide function concludes: the events to append, or why not. <see cref="Errors"/>
/// names the fields of bad input (400); <see cref="Conflict"/> is a rule the current state forbids (409).
/// </summary>
public sealed record Decision(
    IReadOnlyList<object> Events,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Conflict,
    IReadOnlyList<string> Warnings)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public bool Accepted => Errors.Count == 0 && Conflict is null;

    /// <summary>The input was refused for its size (413 rather than 400).</summary>
    public bool TooLarge { get; init; }

    public static Decision Accept(params object[] events) => new(events, NoErrors, null, []);

    public static Decision Invalid(IReadOnlyDictionary<string, string[]> errors) => new([], errors, null, []);

    public static Decision Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Decision Oversized(string field, string message) => Invalid(field, message) with { TooLarge = true };

    public static Decision Refuse(string reason) => new([], NoErrors, reason, []);

    public Decision WithWarnings(IReadOnlyList<string> warnings) => this with { Warnings = warnings };
}
