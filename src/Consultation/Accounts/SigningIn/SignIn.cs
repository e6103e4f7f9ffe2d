using Marten;

namespace Nq45Consult.Consultation.Accounts.SigningIn;

/// <summary>Repeated failures lock an account for a while (settings Auth:Lockout:MaxFailures and :Minutes).</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration);

/// <summary>The account when the credentials were right; null otherwise, whatever the reason, so callers answer alike.</summary>
public sealed record SignInResult(Account? Account)
{
    public bool Succeeded => Account is not null;
}

/// <summary>A person proves their password to sign in with a local account.</summary>
public sealed record SignIn(string UserName, string Password)
{
    /// <summary>Which events follow an attempt on an existing account. No event while it is locked out or deactivated.</summary>
    public static Decision Decide(Account account, PasswordVerification verification, DateTimeOffset now, LockoutPolicy policy, Func<string> rehash)
    {
        if (account.IsLockedOut(now) || !account.IsActive) return Decision.Nothing;
        return verification switch
        {
            PasswordVerification.Succeeded => Decision.Accept(new SignInSucceeded(account.Id, now)),
            PasswordVerification.SucceededRehashNeeded =>
                Decision.Accept(new PasswordChanged(account.Id, rehash(), now, account.UserName, Rehashed: true), new SignInSucceeded(account.Id, now)),
            _ when account.FailedSignIns + 1 >= policy.MaxFailures =>
                Decision.Accept(new SignInFailed(account.Id, now), new AccountLockedOut(account.Id, now, now + policy.Duration)),
            _ => Decision.Accept(new SignInFailed(account.Id, now)),
        };
    }
}

/// <summary>Checks the password and records the attempt on the account's stream (which counts toward the lock-out).</summary>
public sealed class SignInHandler(IDocumentStore store, IPasswordHasher hasher, TimeProvider time, LockoutPolicy policy)
{
    public async Task<SignInResult> Handle(SignIn command, CancellationToken cancellation)
    {
        Account? found;
        await using (var query = store.QuerySession())
            found = await AccountLookup.FindAsync(query, command.UserName, cancellation);
        if (found is null || !found.IsActive || found.ViaEntraId)
        {
            // Spend the same time as a real check, so response times do not reveal which user names exist
            // or which accounts are deactivated; a deactivated account keeps its history but records no attempts.
            hasher.Verify(DummyHash(hasher), command.Password);
            return new SignInResult(null);
        }

        // The slow hash is checked before the account's lock is taken, so attempts on one account queue only for the write.
        var verification = found.IsLockedOut(time.GetUtcNow()) ? PasswordVerification.Failed : hasher.Verify(found.PasswordHash, command.Password);
        return await AccountAttempts.RecordAsync(store, found.Id, stream =>
        {
            var account = stream.Aggregate!;
            var now = time.GetUtcNow();
            var checkedAgainst = account.PasswordHash == found.PasswordHash
                ? verification
                : account.IsLockedOut(now) ? PasswordVerification.Failed : hasher.Verify(account.PasswordHash, command.Password);
            var decision = SignIn.Decide(account, checkedAgainst, now, policy, () => hasher.Hash(command.Password));
            stream.AppendMany(decision.Events);
            return new SignInResult(decision.Events.OfType<SignInSucceeded>().Any() ? account : null);
        }, cancellation);
    }

    private static string? _dummyHash;

    private static string DummyHash(IPasswordHasher hasher) => _dummyHash ??= hasher.Hash(Guid.NewGuid().ToString());
}
