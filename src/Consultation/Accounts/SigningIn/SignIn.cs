using JasperFx;
using Marten;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>Repeated failures lock an account for a while (settings Auth:Lockout:MaxFailures and :Minutes).</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration);

/// <summary>The account when the credentials were right; null otherwise, whatever the reason, so callers answer alike.</summary>
public sealed record SignInResult(Account? Account)
{
    public bool Succeeded => Account is not null;
}

public static class SignIn
{
    /// <summary>Which events follow an attempt on an existing account. No event while it is locked out or deactivated.</summary>
    public static object[] Decide(Account account, PasswordVerification verification, DateTimeOffset now, LockoutPolicy policy, Func<string> rehash)
    {
        if (account.IsLockedOut(now) || !account.IsActive) return [];
        return verification switch
        {
            PasswordVerification.Succeeded => [new SignInSucceeded(account.Id, now)],
            PasswordVerification.SucceededRehashNeeded =>
                [new PasswordChanged(account.Id, rehash(), now, account.UserName), new SignInSucceeded(account.Id, now)],
            _ when account.FailedSignIns + 1 >= policy.MaxFailures =>
                [new SignInFailed(account.Id, now), new AccountLockedOut(account.Id, now, now + policy.Duration)],
            _ => [new SignInFailed(account.Id, now)],
        };
    }

    public static async Task<SignInResult> HandleAsync(
        IDocumentSession session, IPasswordHasher hasher, TimeProvider time, LockoutPolicy policy,
        string userName, string password, CancellationToken cancellationToken)
    {
        var account = await Registering.Register.FindAsync(session, userName, cancellationToken);
        if (account is null || !account.IsActive || account.ViaEntraId)
        {
            // Spend the same time as a real check, so response times do not reveal which user names exist
            // or which accounts are deactivated; a deactivated account keeps its history but records no attempts.
            hasher.Verify(DummyHash(hasher), password);
            return new SignInResult(null);
        }

        var now = time.GetUtcNow();
        var verification = account.IsLockedOut(now) ? PasswordVerification.Failed : hasher.Verify(account.PasswordHash, password);
        var events = Decide(account, verification, now, policy, () => hasher.Hash(password));
        if (events.Length > 0)
        {
            var stream = await session.Events.FetchForWriting<Account>(account.Id, cancellationToken);
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // A simultaneous attempt on the same account won the write; this attempt's outcome stands
                // and only its record is lost, which errs towards a later lock-out, never a wrong sign-in.
            }
        }
        return new SignInResult(events.OfType<SignInSucceeded>().Any() ? account : null);
    }

    private static string? _dummyHash;

    private static string DummyHash(IPasswordHasher hasher) => _dummyHash ??= hasher.Hash(Guid.NewGuid().ToString());
}
