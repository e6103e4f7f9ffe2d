using Marten;
using Nq45Consult.Consultation.Accounts.Administering;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>The account after a password change was decided, with the decision.</summary>
public sealed record PasswordChangeOutcome(Decision Decision, Account Account);

/// <summary>
/// The person replaces their password (a temporary one from an admin, or any time), proving the current one. A new
/// password ends the person's other sessions (the security stamp changes); a wrong current password is a failed
/// sign-in and counts toward the lock-out, and while the account is locked out no current password is accepted.
/// </summary>
public sealed record ChangeOwnPassword(Guid AccountId, string? CurrentPassword, string? NewPassword)
{
    public static Decision Decide(
        Account account, PasswordVerification current, string? newPassword, Func<string, string> hash, DateTimeOffset now, LockoutPolicy policy)
    {
        if (current == PasswordVerification.Failed || account.IsLockedOut(now))
            // Refused, yet the failure is recorded like a sign-in's: the events go with the refusal.
            return Decision.Invalid("currentPassword", DomainText.CurrentPasswordWrong) with
            {
                Events = SignIn.Decide(account, PasswordVerification.Failed, now, policy, () => "").Events,
            };
        if (string.IsNullOrEmpty(newPassword)) return Decision.Invalid("newPassword", DomainText.NewPasswordRequired);
        if (Passwords.Weakness(newPassword, account.UserName) is { } weakness) return Decision.Invalid("newPassword", weakness);
        return Decision.Accept(new PasswordChanged(account.Id, hash(newPassword), now, account.UserName));
    }
}

/// <summary>Checks the current password and records the change, or the failed attempt, on the account's stream.</summary>
public sealed class ChangeOwnPasswordHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time, LockoutPolicy policy)
{
    /// <summary>Null when the account does not exist (or signs in through Entra ID).</summary>
    public Task<PasswordChangeOutcome?> Handle(ChangeOwnPassword command, CancellationToken cancellation) =>
        AccountAttempts.RecordAsync(store, command.AccountId, stream =>
        {
            if (stream.Aggregate is not { ViaEntraId: false } account) return null;
            var verification = string.IsNullOrEmpty(command.CurrentPassword)
                ? PasswordVerification.Failed
                : hasher.Verify(account.PasswordHash, command.CurrentPassword);
            var decision = ChangeOwnPassword.Decide(account, verification, command.NewPassword, hasher.Hash, time.GetUtcNow(), policy);
            stream.AppendMany(decision.Events);
            var changed = decision.Events.Aggregate(account, (state, e) => e is PasswordChanged c ? AccountProjection.Apply(c, state) : state);
            return (PasswordChangeOutcome?)new PasswordChangeOutcome(decision, changed);
        }, cancellation);
}
