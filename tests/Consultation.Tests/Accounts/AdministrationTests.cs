using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Tests.Accounts;

public class AdministrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static Account AnAccount(params Role[] roles) =>
        new(Guid.CreateVersion7(), "hoa.pham", "HOA.PHAM", "ThS. Phạm Thị Hoa", roles, "hash", 0, null);

    [Fact]
    public void A_role_change_records_what_was_added_and_removed_and_by_whom()
    {
        var decision = ChangeRoles.Decide(AnAccount(Role.Expert), new ChangeRoles("hoa.pham", ["Moderator", "Official"], "admin"), otherActiveAdmins: 1, Now);

        var changed = Assert.IsType<AccountRolesChanged>(Assert.Single(decision.Events));
        Assert.Equal([Role.Moderator, Role.Official], changed.Roles);
        Assert.Equal([Role.Moderator, Role.Official], changed.Added);
        Assert.Equal([Role.Expert], changed.Removed);
        Assert.Equal(("admin", Now), (changed.ChangedBy, changed.ChangedAt));
    }

    [Fact]
    public void The_same_roles_record_nothing()
    {
        var decision = ChangeRoles.Decide(AnAccount(Role.Expert, Role.Official), new ChangeRoles("hoa.pham", ["Official", "Expert"], "admin"), 0, Now);

        Assert.True(decision.Accepted);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void The_last_active_admin_keeps_the_role_and_stays_active()
    {
        var admin = AnAccount(Role.Admin);

        Assert.Equal(LastAdmin.Refusal, ChangeRoles.Decide(admin, new ChangeRoles("hoa.pham", ["Expert"], "admin"), otherActiveAdmins: 0, Now).Reason);
        Assert.Equal(LastAdmin.Refusal, DeactivateAccount.Decide(admin, new DeactivateAccount("hoa.pham", null, "admin"), otherActiveAdmins: 0, Now).Reason);
        Assert.True(ChangeRoles.Decide(admin, new ChangeRoles("hoa.pham", ["Expert"], "admin"), otherActiveAdmins: 1, Now).Accepted);
        // A deactivated admin is not the one keeping the installation manageable.
        Assert.True(ChangeRoles.Decide(admin with { Deactivated = true }, new ChangeRoles("hoa.pham", [], "admin"), otherActiveAdmins: 0, Now).Accepted);
    }

    [Fact]
    public void Deactivating_twice_or_reactivating_an_active_account_is_refused()
    {
        var account = AnAccount(Role.Expert);

        Assert.NotNull(DeactivateAccount.Decide(account with { Deactivated = true }, new DeactivateAccount("hoa.pham", null, "admin"), 1, Now).Reason);
        Assert.NotNull(ReactivateAccount.Decide(account, new ReactivateAccount("hoa.pham", "admin"), Now).Reason);
        Assert.Equal("Nghỉ hưu", Assert.IsType<AccountDeactivated>(Assert.Single(DeactivateAccount.Decide(account, new DeactivateAccount("hoa.pham", " Nghỉ hưu ", "admin"), 1, Now).Events)).Reason);
    }

    [Fact]
    public void A_generated_reset_password_is_strong_and_must_be_changed_a_typed_one_need_not()
    {
        var password = Passwords.Generate();
        var generated = ResetPassword.Decide(AnAccount(), new ResetPassword("hoa.pham", null, null, "admin"), password, p => "hash:" + p, Now);
        var typed = ResetPassword.Decide(AnAccount(), new ResetPassword("hoa.pham", "Mat-khau-2026!", null, "admin"), password, p => "hash:" + p, Now);
        var weak = ResetPassword.Decide(AnAccount(), new ResetPassword("hoa.pham", "hoa.pham-2026-X", null, "admin"), password, p => "hash:" + p, Now);

        Assert.Null(Passwords.Weakness(password, "hoa.pham"));
        var reset = Assert.IsType<PasswordReset>(Assert.Single(generated.Events));
        Assert.True(reset.MustChangePassword);
        Assert.Equal("hash:" + password, reset.PasswordHash);
        Assert.False(Assert.IsType<PasswordReset>(Assert.Single(typed.Events)).MustChangePassword);
        Assert.True(weak.Errors.ContainsKey("password"));
    }

    [Theory]
    [InlineData("ab", "userName")]
    [InlineData(".dot.first", "userName")]
    [InlineData("nguyễn", "userName")]
    public void A_new_account_names_the_field_at_fault(string userName, string field)
    {
        var (command, errors) = new NewAccount(userName, "Tên", "a@example.vn", ["Expert"], null).Validate("admin", Passwords.Generate());

        Assert.Null(command);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_new_account_without_a_password_gets_a_temporary_one_to_change()
    {
        var (command, _) = new NewAccount(" hoa.pham ", " ThS. Phạm Thị Hoa ", "Hoa@Example.vn", ["official", "expert", "Expert"], null).Validate("admin", Passwords.Generate());

        Assert.NotNull(command);
        Assert.Equal(("hoa.pham", "ThS. Phạm Thị Hoa", "hoa@example.vn"), (command.UserName, command.DisplayName, command.Email));
        Assert.Equal([Role.Expert, Role.Official], command.Roles);
        Assert.True(command.MustChangePassword);
        Assert.Null(Passwords.Weakness(command.Password, "hoa.pham"));
    }

    [Fact]
    public void Entra_id_creates_the_account_once_then_follows_the_token_roles()
    {
        var identity = new EntraIdIdentity(Tenant, "0b5c4a7e-0000-4000-8000-000000000001", "lan@so.example", "Trần Thị Lan", null, [Role.Expert]);

        var registered = Assert.IsType<AccountRegistered>(Assert.Single(EntraIdSignIn.Decide(new(null, []), new EntraIdSignIn(identity), Guid.NewGuid(), Now).Events));
        var account = AccountProjection.Create(registered);
        var promoted = Assert.IsType<AccountRolesChanged>(Assert.Single(EntraIdSignIn.Decide(new(account, []), new EntraIdSignIn(identity with { Roles = [Role.Moderator] }), Guid.NewGuid(), Now).Events));

        Assert.True(registered.ViaEntraId);
        Assert.Equal($"{Tenant}/0b5c4a7e-0000-4000-8000-000000000001", account.EntraIdKey);
        Assert.Equal(EntraIdSignIn.Actor, registered.RegisteredBy);
        Assert.Empty(EntraIdSignIn.Decide(new(account, []), new EntraIdSignIn(identity), Guid.NewGuid(), Now).Events);
        Assert.Equal(EntraIdSignIn.Actor, promoted.ChangedBy);
        Assert.Equal([Role.Moderator], promoted.Added);
    }

    [Fact]
    public void A_new_entra_id_person_given_a_name_other_accounts_hold_gets_the_first_free_derived_one()
    {
        var holders = new[] { "lan@so.example", "LAN@so.example-2", "lan@so.example-4", "someone.local" }
            .Select(name => AccountProjection.Create(new AccountRegistered(Guid.NewGuid(), name, "Lan", [Role.Expert], "", Now, "admin", ViaEntraId: true, EntraIdKey: $"{Tenant}/{name}")))
            .ToList();
        var identity = new EntraIdIdentity(Tenant.ToUpperInvariant(), "OID-NEW", "Lan@So.example", "Trần Thị Lan", null, [Role.Expert]);

        var registered = Assert.IsType<AccountRegistered>(Assert.Single(EntraIdSignIn.Decide(new(null, holders), new EntraIdSignIn(identity), Guid.NewGuid(), Now).Events));

        Assert.Equal("Lan@So.example-3", registered.UserName);
        Assert.Equal($"{Tenant}/oid-new", registered.EntraIdKey);
    }

    [Fact]
    public void An_entra_id_account_registered_before_keys_is_keyed_by_the_first_token_with_its_name_and_only_then()
    {
        var unkeyed = AccountProjection.Create(new AccountRegistered(Guid.NewGuid(), "lan@so.example", "Lan", [Role.Expert], "", Now, EntraIdSignIn.Actor, ViaEntraId: true));
        var local = AccountProjection.Create(new AccountRegistered(Guid.NewGuid(), "hoa@so.example", "Hoa", [Role.Admin], "hash", Now, "admin"));
        var identity = new EntraIdIdentity(Tenant, "oid-lan", "lan@so.example", "Trần Thị Lan", null, [Role.Expert, Role.Moderator]);

        var events = EntraIdSignIn.Decide(new(null, [unkeyed]), new EntraIdSignIn(identity), Guid.NewGuid(), Now).Events;
        var intruder = EntraIdSignIn.Decide(new(null, [local]), new EntraIdSignIn(identity with { UserName = "hoa@so.example", ObjectId = "oid-other" }), Guid.NewGuid(), Now).Events;

        Assert.Equal(new AccountKeyedToEntraId(unkeyed.Id, $"{Tenant}/oid-lan", Now), events[0]);
        Assert.Equal([Role.Moderator], Assert.IsType<AccountRolesChanged>(events[1]).Added);
        // A local account is never handed to an Entra ID person who happens to carry its name.
        Assert.Equal("hoa@so.example-2", Assert.IsType<AccountRegistered>(Assert.Single(intruder)).UserName);
    }

    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void A_deactivated_account_records_no_sign_in_attempt()
    {
        var account = AnAccount(Role.Expert) with { Deactivated = true };

        Assert.Empty(SignIn.Decide(account, PasswordVerification.Succeeded, Now, new LockoutPolicy(3, TimeSpan.FromMinutes(15)), () => "x").Events);
    }
}
