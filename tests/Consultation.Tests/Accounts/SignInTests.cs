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
        var events = SignIn.Decide(AnAccount(failures: 2), PasswordVerification.Succeeded, Now, Policy, NoRehash).Events;

        var succeeded = Assert.IsType<SignInSucceeded>(Assert.Single(events));
        Assert.Equal(Now, succeeded.SignedInAt);
    }

    [Fact]
    public void Wrong_password_below_the_limit_records_a_failure_only()
    {
        var events = SignIn.Decide(AnAccount(failures: 1), PasswordVerification.Failed, Now, Policy, NoRehash).Events;

        Assert.IsType<SignInFailed>(Assert.Single(events));
    }

    [Fact]
    public void The_failure_that_reaches_the_limit_locks_the_account_for_the_configured_time()
    {
        var events = SignIn.Decide(AnAccount(failures: 2), PasswordVerification.Failed, Now, Policy, NoRehash).Events;

        Assert.Collection(events,
            e => Assert.IsType<SignInFailed>(e),
            e => Assert.Equal(Now.AddMinutes(15), Assert.IsType<AccountLockedOut>(e).LockedOutUntil));
    }

    [Fact]
    public void A_locked_account_refuses_even_the_right_password_and_records_nothing()
    {
        var events = SignIn.Decide(AnAccount(lockedUntil: Now.AddMinutes(1)), PasswordVerification.Succeeded, Now, Policy, NoRehash).Events;

        Assert.Empty(events);
    }

    [Fact]
    public void An_expired_lock_out_lets_the_right_password_in()
    {
        var events = SignIn.Decide(AnAccount(lockedUntil: Now.AddSeconds(-1)), PasswordVerification.Succeeded, Now, Policy, NoRehash).Events;

        Assert.IsType<SignInSucceeded>(Assert.Single(events));
    }

    [Fact]
    public void An_outdated_hash_is_replaced_on_a_successful_sign_in()
    {
        var events = SignIn.Decide(AnAccount(), PasswordVerification.SucceededRehashNeeded, Now, Policy, () => "new-hash").Events;

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

    [Fact]
    public void A_wrong_current_password_on_a_password_change_is_refused_and_recorded_as_a_failed_sign_in()
    {
        var decision = ChangeOwnPassword.Decide(AnAccount(failures: 2), PasswordVerification.Failed, "Mat-khau-moi-2026!", p => p, Now, Policy);

        Assert.False(decision.Accepted);
        Assert.Contains("currentPassword", decision.Errors.Keys);
        Assert.IsType<SignInFailed>(decision.Events[0]);
        Assert.IsType<AccountLockedOut>(decision.Events[1]);
    }

    [Fact]
    public void While_locked_out_even_the_right_current_password_changes_nothing()
    {
        var decision = ChangeOwnPassword.Decide(AnAccount(lockedUntil: Now.AddMinutes(1)), PasswordVerification.Succeeded, "Mat-khau-moi-2026!", p => p, Now, Policy);

        Assert.False(decision.Accepted);
        Assert.DoesNotContain(decision.Events, e => e is PasswordChanged);
    }

    [Fact]
    public void The_persons_own_password_change_bumps_the_security_stamp_and_a_rehash_does_not()
    {
        var account = AnAccount();

        var rehashed = AccountProjection.Apply(new PasswordChanged(account.Id, "new-hash", Now, account.UserName, Rehashed: true), account);
        var changed = AccountProjection.Apply(new PasswordChanged(account.Id, "new-hash", Now, account.UserName), account);

        Assert.Equal(account.SecurityStamp, rehashed.SecurityStamp);
        Assert.Equal(account.SecurityStamp + 1, changed.SecurityStamp);
    }
}
