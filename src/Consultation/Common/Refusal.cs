namespace Nq45Consult.Consultation.Common;

/// <summary>Why a command was refused; the web shell maps each to one HTTP status, a form error or a hub error.</summary>
public enum Refusal
{
    /// <summary>Bad input (400); <see cref="Decision.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The object does not exist, or the caller may not see it (404).</summary>
    NotFound,

    /// <summary>The current state forbids it: consultation not open, item withdrawn, session ended (409).</summary>
    Conflict,

    /// <summary>The input was refused for its size (413); <see cref="Decision.Errors"/> names the field.</summary>
    TooLarge,
}
