using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Accounts.ResettingPasswords;

namespace Nq45Consult.Consultation.Tests.Accounts;

/// <summary>The decisions of "forgot password", without a database.</summary>
public sealed class PasswordResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static Account Person(bool deactivated = false, bool viaEntraId = false) =>
        new(Guid.NewGuid(), "nguyen.an", "NGUYEN.AN", "Nguyễn An", [Role.Expert], "hash", 0, null)
        {
            Email = "an@example.vn", Deactivated = deactivated, ViaEntraId = viaEntraId,
        };

    private static (Account, OneTimeLinkIssued) Drawn(Account account) =>
        (account, OneTimeLink.Issue(LinkPurpose.PasswordReset, account.Id.ToString(), TimeSpan.FromHours(1), Now, RequestPasswordReset.By).Issued);

    [Fact]
    public void Only_active_local_accounts_get_a_link_and_no_account_is_no_refusal()
    {
        var active = Drawn(Person());
        var decision = RequestPasswordReset.Decide(new("an@example.vn"), [active, Drawn(Person(deactivated: true)), Drawn(Person(viaEntraId: true))]);

        Assert.True(decision.Accepted);
        Assert.Equal([active.Item2], decision.Events);
        Assert.Equal(Decision.Nothing.Events, RequestPasswordReset.Decide(new("an@example.vn"), []).Events);
        Assert.True(RequestPasswordReset.Decide(new("an@example.vn"), []).Accepted);
        Assert.Equal("email", RequestPasswordReset.Decide(new("khong phai"), []).Field);
    }

    [Fact]
    public void Completing_changes_the_password_as_the_person_would_and_every_unusable_link_gets_one_answer()
    {
        var account = Person();
        var used = Decision.Accept(new OneTimeLinkUsed(Guid.NewGuid(), Now));

        var done = CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), used, account, p => "#" + p, Now);
        var changed = Assert.Single(done.Events.OfType<PasswordChanged>());
        Assert.Equal(("#Mat-khau-moi-2026", false, CompletePasswordReset.By), (changed.PasswordHash, changed.Rehashed, changed.ChangedBy));
        Assert.Equal(account.SecurityStamp + 1, AccountProjection.Apply(changed, account).SecurityStamp);

        Assert.Equal("password", CompletePasswordReset.Decide(new("t", "ngan"), used, account, p => p, Now).Field);
        var unusable = new[]
        {
            CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), Decision.Invalid("token", OneTimeLink.Unusable), account, p => p, Now),
            CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), used, Person(deactivated: true), p => p, Now),
            CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), used, null, p => p, Now),
        };
        Assert.All(unusable, d => Assert.Equal(OneTimeLink.Unusable, d.Errors["token"].Single()));
    }

    [Fact]
    public void Completing_lifts_a_lock_out_in_force_and_the_failures_counted_so_the_new_password_works_at_once()
    {
        var used = Decision.Accept(new OneTimeLinkUsed(Guid.NewGuid(), Now));
        var locked = Person() with { LockedOutUntil = Now.AddMinutes(10) };

        var done = CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), used, locked, p => "#" + p, Now);

        var lifted = Assert.Single(done.Events.OfType<AccountLockOutLifted>());
        Assert.Equal((locked.Id, CompletePasswordReset.By), (lifted.AccountId, lifted.LiftedBy));
        var after = AccountProjection.Apply(lifted, AccountProjection.Apply(done.Events.OfType<PasswordChanged>().Single(), locked));
        Assert.False(after.IsLockedOut(Now));
        Assert.Equal(0, after.FailedSignIns);

        IEnumerable<AccountLockOutLifted> LiftedFor(Account account) =>
            CompletePasswordReset.Decide(new("t", "Mat-khau-moi-2026"), used, account, p => p, Now).Events.OfType<AccountLockOutLifted>();
        Assert.Single(LiftedFor(Person() with { FailedSignIns = 2 }));
        // Nothing to lift: a lock-out that ran out, no failure counted since.
        Assert.Empty(LiftedFor(Person() with { LockedOutUntil = Now.AddMinutes(-1) }));
    }
}
