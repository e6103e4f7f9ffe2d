using JasperFx;
using Marten;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Accounts.ResettingPasswords;

/// <summary>
/// The person follows the e-mailed link and chooses a new password. The link is used up with the change; the change
/// is the person's own (<see cref="PasswordChanged"/>), so, as when they change it signed in, every session they had
/// ends at its next request. Following the link proves the person holds the account's mailbox, so failed sign-ins
/// counted against it and a lock-out in force are lifted with the change: the new password works at once.
/// </summary>
public sealed record CompletePasswordReset(string? Token, string? Password)
{
    public const string By = "password-reset-link";

    /// <param name="used">The decision on the link (<see cref="OneTimeLinkSession.UseLink"/>).</param>
    /// <param name="account">The account the link was issued for, as it is now.</param>
    public static Decision Decide(CompletePasswordReset command, Decision used, Account? account, Func<string, string> hash, DateTimeOffset now)
    {
        if (!used.Accepted || account is not { Deactivated: false, ViaEntraId: false }) return Decision.Invalid("token", OneTimeLink.Unusable);
        if (string.IsNullOrEmpty(command.Password)) return Decision.Invalid("password", DomainText.NewPasswordRequired);
        if (Passwords.Weakness(command.Password, account.UserName) is { } weakness) return Decision.Invalid("password", weakness);
        object[] lifted = account.FailedSignIns > 0 || account.IsLockedOut(now) ? [new AccountLockOutLifted(account.Id, now, By)] : [];
        return Decision.Accept([.. used.Events, new PasswordChanged(account.Id, hash(command.Password), now, By), .. lifted]);
    }
}

public sealed class CompletePasswordResetHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    // A sign-in appending to the account meanwhile fails the save; deciding again is then right. A second use of the
    // token racing this one fails the same way, and deciding again finds the link used.
    private const int Attempts = 3;

    public async Task<Decision> Handle(CompletePasswordReset command, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var session = store.LightweightSession();
            var (used, link) = await session.UseLink(command.Token, LinkPurpose.PasswordReset, now, cancellation);
            var stream = used.Accepted && Guid.TryParse(link!.Subject, out var accountId)
                ? await session.Events.FetchForWriting<Account>(accountId, cancellation)
                : null;
            var decision = CompletePasswordReset.Decide(command, used, stream?.Aggregate, hasher.Hash, now);
            if (!decision.Accepted) return decision;
            stream!.AppendMany(decision.Events.Where(e => e is PasswordChanged or AccountLockOutLifted));
            // Other links sent for this account before are no use any more.
            await session.RevokeLinks(LinkPurpose.PasswordReset, link!.Subject, now, CompletePasswordReset.By, cancellation, except: link.Id);
            try
            {
                await session.SaveChangesAsync(cancellation);
                return decision;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
            }
            catch (ConcurrencyException)
            {
                return Decision.Invalid("token", OneTimeLink.Unusable);
            }
        }
    }
}
