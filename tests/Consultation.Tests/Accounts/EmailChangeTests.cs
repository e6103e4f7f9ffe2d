using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.ChangingEmail;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Tests.Accounts;

/// <summary>The decisions of a change of e-mail address, without a database.</summary>
public sealed class EmailChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly LockoutPolicy Lockout = new(5, TimeSpan.FromMinutes(15));

    private static Account Person(bool viaEntraId = false) =>
        new(Guid.NewGuid(), "nguyen.an", "NGUYEN.AN", "Nguyễn An", [Role.Expert], "hash", 0, null) { Email = "an@example.vn", ViaEntraId = viaEntraId };

    private static OneTimeLinkIssued Link(Account account) =>
        OneTimeLink.Issue(LinkPurpose.EmailChange, RequestEmailChange.Subject(account.Id), TimeSpan.FromDays(1), Now, account.UserName).Issued;

    private static Decision Request(Account account, string? email, PasswordVerification password = PasswordVerification.Succeeded) =>
        RequestEmailChange.Decide(account, new(account.Id, email, "mat-khau"), password, Link(account), Now, Lockout);

    [Fact]
    public void A_request_keeps_the_old_address_until_the_new_one_is_confirmed()
    {
        var account = Person();
        var requested = Request(account, "  An.Moi@Example.VN ");

        Assert.True(requested.Accepted);
        var asked = Assert.Single(requested.Events.OfType<EmailChangeRequested>());
        Assert.Equal("an.moi@example.vn", asked.NewEmail);
        Assert.Equal("an@example.vn", asked.OldEmail);
        Assert.Single(requested.Events.OfType<OneTimeLinkIssued>());
        var pending = AccountProjection.Apply(asked, account);
        Assert.Equal("an@example.vn", pending.Email);
        Assert.Equal("an.moi@example.vn", pending.PendingEmail);
        Assert.False(pending.EmailConfirmed);

        var used = Decision.Accept(new OneTimeLinkUsed(Guid.NewGuid(), Now));
        var confirmed = ConfirmEmailChange.Decide(used, pending, takenByAnother: false, Now);
        var changed = Assert.Single(confirmed.Events.OfType<EmailChanged>());
        var after = AccountProjection.Apply(changed, pending);
        Assert.Equal("an.moi@example.vn", after.Email);
        Assert.True(after.EmailConfirmed);
        Assert.Null(after.PendingEmail);
        Assert.Contains("an.moi@example.vn", after.SearchText);
    }

    [Fact]
    public void A_wrong_password_counts_as_a_failed_sign_in_and_bad_addresses_name_the_field()
    {
        var account = Person();
        var wrong = Request(account, "moi@example.vn", PasswordVerification.Failed);
        Assert.Equal("password", wrong.Field);
        Assert.IsType<SignInFailed>(Assert.Single(wrong.Events));

        Assert.Equal("email", Request(account, "khong phai dia chi").Field);
        Assert.Equal("email", Request(account, null).Field);
        Assert.Equal("email", Request(account, "AN@example.vn").Field);
        Assert.Equal(Refusal.Conflict, Request(Person(viaEntraId: true), "moi@example.vn").Refusal);
    }

    [Fact]
    public void Every_unusable_link_gets_one_answer_and_an_address_taken_meanwhile_is_refused()
    {
        var pending = Person() with { PendingEmail = "moi@example.vn" };
        var used = Decision.Accept(new OneTimeLinkUsed(Guid.NewGuid(), Now));
        var unusable = Decision.Invalid("token", OneTimeLink.Unusable);

        var answers = new[]
        {
            ConfirmEmailChange.Decide(unusable, pending, false, Now),
            ConfirmEmailChange.Decide(used, null, false, Now),
            ConfirmEmailChange.Decide(used, pending with { PendingEmail = null }, false, Now),
            ConfirmEmailChange.Decide(used, pending with { Deactivated = true }, false, Now),
        };
        Assert.All(answers, a => Assert.Equal(OneTimeLink.Unusable, Assert.Single(a.Errors["token"])));

        var taken = ConfirmEmailChange.Decide(used, pending, takenByAnother: true, Now);
        Assert.Equal(Refusal.Conflict, taken.Refusal);
        Assert.Empty(taken.Events);
    }

    [Fact]
    public void An_email_is_written_in_the_accounts_language_else_the_requests_else_the_sites()
    {
        Assert.Equal(Languages.English, Languages.For(Languages.English, Languages.Vietnamese));
        Assert.Equal(Languages.English, Languages.For(null, "en"));
        Assert.Equal(Languages.Vietnamese, Languages.For(Languages.Vietnamese, Languages.English));
        Assert.Equal(Languages.SiteDefault, Languages.For(null, "fr"));
        Assert.Equal(Languages.SiteDefault, Languages.For(null, null));
    }
}
