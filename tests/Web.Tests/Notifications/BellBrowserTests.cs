using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Preferences;
using Nq45Consult.Consultation.Notifications.Reading;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>The notifications app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelNotificationsApp : NotificationsApp
{
    public KestrelNotificationsApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}

/// <summary>In Debian's Chromium: the header's bell counts up live, the page marks all read, the preferences form saves.</summary>
public class BellBrowserTests(KestrelNotificationsApp app) : IClassFixture<KestrelNotificationsApp>
{
    [Fact]
    public async Task The_bell_counts_a_new_invitation_live_and_the_pages_mark_read_and_save_preferences()
    {
        await app.Services.GetRequiredService<MarkAllNotificationsReadHandler>().Handle(new MarkAllNotificationsRead("expert3"), CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.Root, "expert3", "/notifications");
        var bell = page.Locator(".bell-count");
        await Assertions.Expect(bell).ToBeHiddenAsync();
        // The script marks the count once the hub sent it the first count, after joining: nothing later is missed.
        await page.WaitForSelectorAsync(".bell-count[data-live=connected]", new() { State = WaitForSelectorState.Attached });

        var (id, _) = await app.Consultation(open: false);
        Assert.True((await app.Commands.Invite(id, ["expert3"], "moderator")).Decision!.Accepted);

        await Assertions.Expect(bell).ToHaveTextAsync("1 chưa đọc");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lời mời góp ý");
        await Browser.AssertAccessible(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả là đã đọc" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đánh dấu 1 thông báo");
        await Assertions.Expect(bell).ToBeHiddenAsync();

        await page.GotoAsync(new Uri(app.Root, "/notifications/preferences").ToString());
        await Browser.AssertAccessible(page);
        await page.GetByLabel(NotificationTexts.KindName(NotificationKind.ConsultationClosingSoon)).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lựa chọn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu");
        await Assertions.Expect(page.GetByLabel(NotificationTexts.KindName(NotificationKind.ConsultationClosingSoon))).Not.ToBeCheckedAsync();
        var saved = await app.Services.GetRequiredService<PreferenceQueries>().Of("expert3");
        Assert.Equal([NotificationKind.ConsultationClosingSoon], saved.EmailOff);
    }
}
