namespace Nq45Consult.Consultation.Accounts.Administering;

/// <summary>
/// An admin command's result: not found (<see cref="Decision"/> null), refused (the decision says why) or the account
/// as it now stands, with the password to show once when the platform generated it.
/// </summary>
public sealed record AccountOutcome(Decision? Decision, Account? Account, string? TemporaryPassword = null)
{
    public static readonly AccountOutcome NotFound = new(null, null);

    /// <summary>
    /// The actor was an admin when their request was authorized but no longer is once it is its turn (another admin
    /// demoted or deactivated them meanwhile): nothing is changed (403).
    /// </summary>
    public static readonly AccountOutcome ActorNotAdmin =
        new(Decision.Conflict(DomainText.NoLongerActiveAdmin), null) { ActorRefused = true };

    public bool ActorRefused { get; private init; }
}
