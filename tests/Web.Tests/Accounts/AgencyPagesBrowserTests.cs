using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Dialogue;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>The agencies page and an official's agency on their account page, in Chromium with axe-core.</summary>
public sealed class AgencyPagesBrowserTests(LiveRoomApp app) : IClassFixture<LiveRoomApp>
{
    [Fact]
    public async Task An_admin_adds_renames_and_retires_an_agency_and_makes_an_official_its_member()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.SignIn(page, app.BaseAddress, "admin", "/admin/agencies");
        await Browser.AssertAccessible(page);

        await page.GetByLabel("Tên cơ quan").FillAsync("Sở Giao thông thử");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm cơ quan" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Đã thêm cơ quan \"Sở Giao thông thử\".");
        var row = page.Locator("tr", new() { HasText = "Sở Giao thông thử" });
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("Đang hoạt động");

        // A name already taken is refused next to its form, whatever the diacritics.
        await page.GetByLabel("Tên mới cho Sở Giao thông thử").FillAsync("ban tuyen giao tinh uy");
        await row.GetByRole(AriaRole.Button, new() { Name = "Đổi tên" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Rename_Name-error")).ToContainTextAsync("Đã có cơ quan tên");
        await Browser.AssertAccessible(page);
        await page.Locator("#Rename_Name").FillAsync("Sở Giao thông Vận tải thử");
        await page.Locator("tr", new() { Has = page.Locator("#Rename_Name") }).GetByRole(AriaRole.Button, new() { Name = "Đổi tên" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Đã đổi tên cơ quan thành \"Sở Giao thông Vận tải thử\".");

        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/users/official").ToString());
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Cơ quan", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sở Giao thông Vận tải thử" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu cơ quan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agency")).ToHaveTextAsync("Sở Giao thông Vận tải thử");
        await Assertions.Expect(page.Locator("tr[data-action=agency-assigned]").First).ToContainTextAsync("Sở Giao thông Vận tải thử");
        await Browser.AssertAccessible(page);

        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/agencies").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ngừng cơ quan Sở Giao thông Vận tải thử" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Sở Giao thông Vận tải thử" }).Locator("td").First).ToHaveTextAsync("Đã ngừng");
        await Browser.AssertAccessible(page);
    }
}
