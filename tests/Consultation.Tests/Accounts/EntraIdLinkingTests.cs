using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Tests.Accounts;

/// <summary>
/// <c>Auth:Mode</c> <c>Both</c>: an Entra ID identity links to a local account only through the account's confirmed
/// e-mail; otherwise it gets an account of its own, never another person's.
/// </summary>
public sealed class EntraIdLinkingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly EntraIdIdentity Staff = new("tenant", "oid-1", "hoa@so.example", "Trần Hoa", "Hoa@So.Example", [Role.Official]);

    private static Account Local(string email, bool confirmed, bool deactivated = false) =>
        new(Guid.NewGuid(), "tran.hoa", "TRAN.HOA", "Trần Hoa", [Role.Expert], "hash", 0, null)
        {
            Email = email, EmailConfirmed = confirmed, Deactivated = deactivated,
        };

    private static Decision Decide(bool link, params Account[] withTheEmail) =>
        EntraIdSignIn.Decide(new(null, []) { WithTheEmail = withTheEmail }, new EntraIdSignIn(Staff, link), Guid.NewGuid(), Now);

    [Fact]
    public void A_token_whose_email_is_a_local_accounts_confirmed_address_links_to_it()
    {
        var local = Local("hoa@so.example", confirmed: true);

        var keyed = Assert.IsType<AccountKeyedToEntraId>(Assert.Single(Decide(link: true, local).Events));

        Assert.Equal(local.Id, keyed.AccountId);
        Assert.Equal(Staff.Key, keyed.EntraIdKey);
    }

    [Fact]
    public void An_unconfirmed_address_links_nothing_the_identity_gets_its_own_account()
    {
        var local = Local("hoa@so.example", confirmed: false);

        var registered = Assert.IsType<AccountRegistered>(Assert.Single(Decide(link: true, local).Events));

        Assert.NotEqual(local.Id, registered.AccountId);
        Assert.True(registered.ViaEntraId);
        Assert.Equal(Staff.Key, registered.EntraIdKey);
    }

    [Fact]
    public void Without_both_modes_or_without_an_email_in_the_token_nothing_is_linked()
    {
        var local = Local("hoa@so.example", confirmed: true);

        Assert.IsType<AccountRegistered>(Assert.Single(Decide(link: false, local).Events));
        var withoutEmail = EntraIdSignIn.Decide(new(null, []) { WithTheEmail = [local] }, new EntraIdSignIn(Staff with { Email = null }, true), Guid.NewGuid(), Now);
        Assert.IsType<AccountRegistered>(Assert.Single(withoutEmail.Events));
    }

    [Fact]
    public void A_deactivated_account_is_linked_and_stays_refused_and_two_candidates_are_refused()
    {
        var deactivated = Local("hoa@so.example", confirmed: true, deactivated: true);
        Assert.Equal(deactivated.Id, Assert.IsType<AccountKeyedToEntraId>(Assert.Single(Decide(link: true, deactivated).Events)).AccountId);

        var twice = Decide(link: true, Local("hoa@so.example", true), Local("HOA@so.example", true));
        Assert.Equal(Refusal.Forbidden, twice.Refusal);
    }

    [Fact]
    public void A_linked_local_account_keeps_the_roles_given_here_not_the_tokens()
    {
        var linked = Local("hoa@so.example", confirmed: true) with { EntraIdKey = Staff.Key };

        var decision = EntraIdSignIn.Decide(new(linked, []), new EntraIdSignIn(Staff, true), Guid.NewGuid(), Now);

        Assert.True(decision.Accepted);
        Assert.Empty(decision.Events);
    }
}
