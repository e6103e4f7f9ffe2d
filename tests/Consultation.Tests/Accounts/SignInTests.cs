using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Tests.Accounts;

public class SignInTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly LockoutPolicy Policy = new(MaxFailures: 3, Duration: TimeSpan.FromMinutes(15));

    private static Account AnAccount(int failures = 0, DateTimeOffset? lockedUntil = null) =>
        new(Guid.CreateVersion7(), "expert1", "EXPERT1", "PGS.TS. Nguyễn Văn An", [Role.Expert], "hash", failures, lockedUntil);

    private static string NoRehash() => throw new InvalidOperationException("No rehash expected.");

    [Fact]
    public void Right_password_records_a_success()
    {
        var events = SignIn.Decide(AnAccount(failures: 2), PasswordVerification.Succeeded, Now, Policy, NoRehash);

        var succeeded = Assert.IsType<SignInSucceeded>(Assert.Single(events));
        Assert.Equal(Now, succeeded.SignedInAt);
    }

    [Fact]
    public void Wrong_password_below_the_limit_records_a_failure_only()
    {
        var events = SignIn.Decide(AnAccount(failures: 1), PasswordVerification.Failed, Now, Policy, NoRehash);

        Assert.IsType<SignInFailed>(Assert.Single(events));
    }

    [Fact]
    public void The_failure_that_reaches_the_limit_locks_the_account_for_the_configured_time()
    {
        var events = SignIn.Decide(AnAccount(failures: 2), PasswordVerification.Failed, Now, Policy, NoRehash);

        Assert.Collection(events,
            e => Assert.IsType<SignInFailed>(e),
            e => Assert.Equal(Now.AddMinutes(15), Assert.IsType<AccountLockedOut>(e).LockedOutUntil));
    }

    [Fact]
    public void A_locked_account_refuses_even_the_right_password_and_records_nothing()
    {
        var events = SignIn.Decide(AnAccount(lockedUntil: Now.AddMinutes(1)), PasswordVerification.Succeeded, Now, Policy, NoRehash);

        Assert.Empty(events);
    }

    [Fact]
    public void An_expired_lock_out_lets_the_right_password_in()
    {
        var events = SignIn.Decide(AnAccount(lockedUntil: Now.AddSeconds(-1)), PasswordVerification.Succeeded, Now, Policy, NoRehash);

        Assert.IsType<SignInSucceeded>(Assert.Single(events));
    }

    [Fact]
    public void An_outdated_hash_is_replaced_on_a_successful_sign_in()
    {
        var events = SignIn.Decide(AnAccount(), PasswordVerification.SucceededRehashNeeded, Now, Policy, () => "new-hash");

        Assert.Equal("new-hash", Assert.IsType<PasswordChanged>(events[0]).PasswordHash);
        Assert.IsType<SignInSucceeded>(events[1]);
    }

    [Fact]
    public void The_projection_counts_failures_and_clears_them_on_lock_out_and_success()
    {
        var account = AnAccount();
        account = AccountProjection.Apply(new SignInFailed(account.Id, Now), account);
        account = AccountProjection.Apply(new SignInFailed(account.Id, Now), account);
        Assert.Equal(2, account.FailedSignIns);

        account = AccountProjection.Apply(new AccountLockedOut(account.Id, Now, Now.AddMinutes(15)), account);
        Assert.Equal(0, account.FailedSignIns);
        Assert.True(account.IsLockedOut(Now.AddMinutes(14)));
        Assert.False(account.IsLockedOut(Now.AddMinutes(15)));

        account = AccountProjection.Apply(new SignInSucceeded(account.Id, Now.AddMinutes(20)), account);
        Assert.Null(account.LockedOutUntil);
    }
}
