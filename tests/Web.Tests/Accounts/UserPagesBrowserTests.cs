using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Dialogue;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>The user administration pages in Chromium on a phone-sized screen, with the keyboard and axe-core.</summary>
public sealed class UserPagesBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task An_admin_creates_a_user_with_a_generated_password_then_changes_the_roles_and_sees_it_in_the_history()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.BaseAddress, "admin", "/admin/users");
        await Browser.AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập (bắt buộc)").FillAsync("hoa.pham");
        await page.GetByLabel("Họ và tên hiển thị (bắt buộc)").FillAsync("ThS. Phạm Thị Hoa");
        await page.GetByLabel("Thư điện tử (bắt buộc)").FillAsync("hoa.pham@so-khcn.example.vn");
        await page.GetByLabel("Chuyên gia").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        var password = await page.Locator("#temporary-password").InnerTextAsync();
        Assert.True(password.Length >= 12);
        await Browser.AssertAccessible(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http().LoginAsync("hoa.pham", password)).StatusCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "hoa.pham" }).ClickAsync();
        await Browser.Arrived(page, "**/admin/users/hoa.pham");
        Assert.Equal("Chuyên gia", await page.Locator("#current-roles").InnerTextAsync());
        // The keyboard alone: focus the Moderator box, tick it with Space, untick Expert, submit with Enter.
        await page.Locator("#role-Moderator").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#role-Expert").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu vai trò" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("p.notice[role=status]").WaitForAsync();

        Assert.Equal("Điều phối viên", await page.Locator("#current-roles").InnerTextAsync());
        var change = page.Locator("tr[data-action=roles-changed]");
        Assert.Contains("admin", await change.InnerTextAsync());
        Assert.Contains("Thêm: Điều phối viên", await change.InnerTextAsync());
        await Browser.AssertAccessible(page);

        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/users?role=Moderator").ToString());
        Assert.Equal(1, await page.Locator("tr[data-user='hoa.pham']").CountAsync());
    }
}
