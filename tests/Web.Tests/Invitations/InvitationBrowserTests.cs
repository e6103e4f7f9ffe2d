using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;
using Nq45Consult.Web.Tests.Notifications;

namespace Nq45Consult.Web.Tests.Invitations;

/// <summary>The invitations app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelInvitationsApp : InvitationsApp
{
    public KestrelInvitationsApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}

/// <summary>
/// In Debian's Chromium, against the real SMTP server: a moderator invites an address from the invitations page, the
/// person opens the link of the message received, creates their account and comments on the consultation; the
/// moderator sees it all. Each page axe-clean and valid HTML.
/// </summary>
public class InvitationBrowserTests(KestrelInvitationsApp app) : IClassFixture<KestrelInvitationsApp>
{
    [Fact]
    public async Task A_moderator_invites_an_address_and_its_person_follows_the_emailed_link_sets_a_password_and_comments()
    {
        var (id, sections) = await app.Consultation(audience: "invited");
        var slug = (await app.Details(id)).Slug;
        var email = $"chuyen.gia.{Guid.NewGuid():N}@example.vn";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var moderator = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        var manage = $"/consultations/{slug}/manage/invitations";
        await Browser.SignIn(moderator, app.Root, "moderator", manage);
        await Browser.AssertQuality(moderator, app.Root, manage);
        await moderator.GetByLabel("Địa chỉ thư điện tử (cách nhau bằng dấu phẩy hoặc xuống dòng)").FillAsync(email);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Gửi lời mời" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã gửi lời mời.");
        var row = moderator.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Đã gửi");
        await Browser.AssertAccessible(moderator);

        var link = InvitationsApp.TokenIn(await app.MailTo(email));
        var invited = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        var path = $"/account/invitation?token={link}";
        await Browser.AssertQuality(invited, app.Root, path);
        await Assertions.Expect(invited.Locator("main")).ToContainTextAsync(email);
        await invited.GetByLabel("Họ và tên").FillAsync("Phạm Văn Mới");
        await invited.GetByLabel("Tên đăng nhập").FillAsync("pham.van.moi");
        await invited.GetByLabel("Mật khẩu").FillAsync("Mat-khau-manh-2026");
        await invited.GetByLabel("Đồng ý hiển thị họ tên").CheckAsync();
        await invited.GetByLabel("Tôi đồng ý với điều khoản sử dụng").CheckAsync();
        await invited.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản và tham gia" }).ClickAsync();
        await Browser.Arrived(invited, $"**/consultations/{slug}");
        await Browser.AssertAccessible(invited);

        var anchor = sections.First(s => s.Text.Length > 0).Anchor;
        await invited.Locator($"[id='{anchor}'] > p > a", new() { HasText = "Góp ý mục này" }).ClickAsync();
        await Browser.Arrived(invited, "**/feedback/write/**");
        await invited.GetByLabel("Đề nghị bổ sung").CheckAsync();
        await invited.FillAsync("#Rationale", "Cần nêu rõ nguồn kinh phí cho từng nhiệm vụ.");
        await invited.ClickAsync("#feedback-form button[type=submit]");
        await Browser.Arrived(invited, "**/me/feedback**");
        await Assertions.Expect(invited.Locator("main")).ToContainTextAsync("Cần nêu rõ nguồn kinh phí cho từng nhiệm vụ.");

        await moderator.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Đã tạo tài khoản");
        await Assertions.Expect(row).ToContainTextAsync("pham.van.moi");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("Có");
        Browser.AssertNoPolicyViolations(moderator.Context);
        Browser.AssertNoPolicyViolations(invited.Context);
    }
}
