using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts.Resetting;

/// <summary>
/// In Debian's Chromium, against the real SMTP server: a person signed in on one device forgets their password on
/// another, opens the link of the message received, chooses a new password; the first device's session has ended and
/// the link works no more. Each page axe-clean and valid HTML, in Vietnamese and English.
/// </summary>
public class PasswordResetBrowserTests(KestrelPasswordResetApp app) : IClassFixture<KestrelPasswordResetApp>
{
    [Fact]
    public async Task Forgot_password_then_the_emailed_link_sets_a_new_password_and_ends_the_old_sessions()
    {
        var (userName, email) = await app.NewAccount();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var office = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(office, app.Root, userName, "/me");

        var phone = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await phone.GotoAsync(new Uri(app.Root, "/account/login").ToString());
        await phone.GetByRole(AriaRole.Link, new() { Name = "Quên mật khẩu?" }).ClickAsync();
        await Browser.Arrived(phone, "**/account/forgot");
        await Browser.AssertQuality(phone, app.Root, "/account/forgot");
        await phone.GetByLabel("Địa chỉ thư điện tử").FillAsync(email);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi liên kết đặt lại mật khẩu" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Nếu địa chỉ này thuộc một tài khoản");
        await Browser.AssertAccessible(phone);

        var path = $"/account/reset?token={PasswordResetApp.ResetTokenIn(await app.MailTo(email))}";
        await Browser.AssertQuality(phone, app.Root, path + "&culture=en");
        await Assertions.Expect(phone.GetByLabel("New password", new() { Exact = true })).ToBeVisibleAsync();
        await Browser.AssertQuality(phone, app.Root, path);
        await phone.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("Mat-khau-moi-2026");
        await phone.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Mat-khau-moi-2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu mới" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt mật khẩu mới.");
        await Browser.AssertAccessible(phone);

        await office.ReloadAsync();
        await Browser.Arrived(office, "**/account/login**");

        await phone.GotoAsync(new Uri(app.Root, path).ToString());
        await Assertions.Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn.");
        await phone.GotoAsync(new Uri(app.Root, "/account/login").ToString());
        await phone.FillAsync("#UserName", userName);
        await phone.FillAsync("#Password", "Mat-khau-moi-2026");
        await phone.ClickAsync("form.stacked-form button[type=submit]");
        await Browser.Arrived(phone, new Uri(app.Root, "/").ToString());
        Browser.AssertNoPolicyViolations(office.Context);
        Browser.AssertNoPolicyViolations(phone.Context);
    }
}
