using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Tests.Accounts;

public class LanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    private static Account AnAccount(string? language = null) =>
        new(Guid.CreateVersion7(), "hoa.pham", "HOA.PHAM", "ThS. Phạm Thị Hoa", [Role.Expert], "hash", 0, null) { Language = language };

    [Theory]
    [InlineData("en", "en")]
    [InlineData(" EN ", "en")]
    [InlineData("vi", "vi")]
    public void A_known_language_is_recorded_in_lower_case(string chosen, string recorded)
    {
        var account = AnAccount();
        var decision = ChooseLanguage.Decide(account, new ChooseLanguage(account.Id, chosen), Now);

        Assert.Equal(new AccountLanguageChosen(account.Id, recorded, Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void The_language_already_chosen_records_nothing()
    {
        var account = AnAccount("en");
        var decision = ChooseLanguage.Decide(account, new ChooseLanguage(account.Id, "en"), Now);

        Assert.True(decision.Accepted);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("vi-VN")]
    public void Any_other_language_is_refused_naming_the_field(string? chosen)
    {
        var account = AnAccount();
        var decision = ChooseLanguage.Decide(account, new ChooseLanguage(account.Id, chosen), Now);

        Assert.Equal(Refusal.Invalid, decision.Refusal);
        Assert.Contains("language", decision.Errors.Keys);
    }

    [Fact]
    public void An_account_without_a_choice_reads_the_site_default_and_a_notice_gives_each_language_its_text()
    {
        Assert.Equal(Languages.Vietnamese, Languages.Of(null));
        var notice = NotificationTexts.ItemHidden("Kế hoạch số", "Lộ số điện thoại", Guid.CreateVersion7());

        Assert.StartsWith("Người điều phối", notice.In(Languages.Of(null)).Body);
        Assert.Equal("Your comment has been hidden", notice.In(Languages.English).Title);
        Assert.EndsWith("Reason: Lộ số điện thoại", notice.In(Languages.English).Body);
    }
}
