using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.OpinionMap;

/// <summary>
/// The moderators' opinion-map pages in Debian's Chromium, with axe, in Vietnamese and English: turn the map on, seed,
/// approve, hide with a reason, draw from a feedback item (each checked through the API afterwards), the links between
/// the consultation and its map, and the group profiles in aggregate only.
/// </summary>
public class OpinionMapModerationBrowserTests(KestrelFeedbackApp app) : IClassFixture<KestrelFeedbackApp>
{
    private string Url(string path) => $"{app.Root.ToString().TrimEnd('/')}{path}";

    private static ILocator Statement(IPage page, string text) => page.Locator(".statement-list > li").Filter(new() { HasText = text });

    [Fact]
    public async Task A_moderator_turns_the_map_on_and_moderates_its_statements_on_the_page()
    {
        var (id, sections) = await app.Consultation();
        var chapter = sections.First(s => s.Heading.Contains("NHIỆM VỤ"));
        var item = await app.Submitted(id, null, "expert1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, app.Root, "moderator", $"/opinion-map/{id}/manage");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Bản đồ ý kiến chưa bật cho đợt lấy ý kiến này.");
        await Browser.AssertAccessible(page);

        await page.GetByLabel("Phạm vi của bản đồ").SelectOptionAsync(chapter.Anchor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật bản đồ ý kiến" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã bật bản đồ ý kiến.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Bản đồ ý kiến đang bật cho mục {$"{chapter.Number} {chapter.Heading}".Trim()}.");
        await page.GetByLabel("Phạm vi của bản đồ").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi phạm vi" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Bản đồ ý kiến đang bật cho toàn bộ dự thảo.");

        await page.GetByLabel("Nhận định (tối đa 280 ký tự)").FillAsync("Cần lộ trình cụ thể cho từng năm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhận định", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã thêm nhận định.");
        var seeded = Statement(page, "Cần lộ trình cụ thể cho từng năm.");
        await Assertions.Expect(seeded).ToContainTextAsync("Do người kiểm duyệt đưa ra · Đang hiển thị");

        var proposed = await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = "Nên thí điểm ở hai huyện." });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        await page.ReloadAsync();
        var pending = Statement(page, "Nên thí điểm ở hai huyện.");
        await Assertions.Expect(pending).ToContainTextAsync("Do chuyên gia đề xuất · Chờ duyệt");
        Assert.DoesNotContain("expert2", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await pending.GetByRole(AriaRole.Button, new() { Name = "Duyệt và hiển thị" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã duyệt nhận định.");
        await Assertions.Expect(Statement(page, "Nên thí điểm ở hai huyện.")).ToContainTextAsync("Đang hiển thị");

        await seeded.GetByLabel("Lý do (bắt buộc, được ghi lại)").FillAsync("Trùng với nhận định khác.");
        await seeded.GetByRole(AriaRole.Button, new() { Name = "Ẩn nhận định" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã ẩn nhận định; không có gì bị xoá.");
        await Assertions.Expect(seeded).ToContainTextAsync("Đã ẩn");
        await Assertions.Expect(seeded).ToContainTextAsync("Lý do kiểm duyệt: Trùng với nhận định khác.");
        await Assertions.Expect(seeded.GetByRole(AriaRole.Button, new() { Name = "Khôi phục nhận định" })).ToBeVisibleAsync();

        var proposal = page.Locator($"#proposal-{item}");
        await Assertions.Expect(proposal).ToContainTextAsync("Sửa thành: …");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Lấy thành nhận định" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Đã lấy nhận định từ góp ý.");
        await Assertions.Expect(page.Locator($"#proposal-{item}")).ToContainTextAsync("Góp ý này đã được lấy thành nhận định.");
        var drawn = Statement(page, "Sửa thành: …").Filter(new() { HasText = "Lấy từ góp ý" });
        await Assertions.Expect(drawn.GetByRole(AriaRole.Link, new() { Name = "Xem góp ý gốc" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"#item-{item}$"));
        await Browser.AssertAccessible(page);

        // The pages called the handlers the API calls: the API sees the same statements, and nothing was deleted.
        var listed = await (await app.As("moderator")).GetFromJsonAsync<JsonElement[]>($"/api/consultations/{id}/statements") ?? [];
        Assert.Equal(
            ["feedback published " + item, "proposed published ", "seeded hidden "],
            listed.Select(s => $"{s.GetProperty("origin").GetString()} {s.GetProperty("status").GetString()} {s.GetProperty("feedbackId").GetString()}").Order());

        await page.GotoAsync(Url($"/opinion-map/{id}/manage?culture=en"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Manage the opinion map");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The opinion map is on for the whole draft.");
        await Assertions.Expect(Statement(page, "Cần lộ trình cụ thể cho từng năm.")).ToContainTextAsync("Seeded by a moderator · Hidden");
        await Browser.AssertAccessible(page);
    }

    [Fact]
    public async Task The_consultation_links_to_its_map_and_moderators_read_the_groups_by_field_degree_and_association_never_by_name()
    {
        var (id, _) = await app.Consultation();
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/consultations/{id}/opinion-map", new { })).StatusCode);
        var statements = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var created = await moderator.PostAsJsonAsync($"/api/consultations/{id}/statements", new { text = $"Nhận định {i}" });
            statements.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var association = (await moderator.GetFromJsonAsync<JsonElement>("/api/associations")).EnumerateArray().First();
        var associationName = association.GetProperty("name").GetString()!;
        var experts = new List<string>();
        for (var e = 0; e < 8; e++)
        {
            var expert = await app.Expert($"og{e}-{id:N}"[..20]);
            experts.Add(expert);
            var client = await app.As(expert);
            (await client.PutAsJsonAsync("/api/me/profile", new
            {
                fullName = $"Họ Tên Riêng {e}", academicTitle = "none", degree = e % 2 == 0 ? "ts" : "ths", fields = new[] { "y tế" },
                associationId = e % 2 == 0 ? association.GetProperty("id").GetGuid() : (Guid?)null,
            })).EnsureSuccessStatusCode();
            for (var s = 0; s < statements.Count; s++)
                (await client.PostAsJsonAsync($"/api/statements/{statements[s]}/vote", new { vote = (s % 2 == 0) == (e % 2 == 0) ? "agree" : "disagree" })).EnsureSuccessStatusCode();
        }
        (await moderator.PostAsync($"/api/consultations/{id}/opinion-map/recompute", null)).EnsureSuccessStatusCode();
        var slug = (await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("slug").GetString();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var anonymous = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await anonymous.GotoAsync(Url($"/consultations/{slug}"));
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Bản đồ ý kiến", Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.Locator("h1")).ToHaveTextAsync("Bản đồ ý kiến");
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Link, new() { Name = "Quản lý bản đồ ý kiến" })).ToHaveCountAsync(0);
        await anonymous.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Thử ") }).ClickAsync();
        await Browser.Arrived(anonymous, $"**/consultations/{slug}");

        var page = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(page, app.Root, "moderator", $"/opinion-map/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ các nhóm ý kiến" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ các nhóm ý kiến");
        var groups = page.Locator("section.group-card");
        await Assertions.Expect(groups).ToHaveCountAsync(2);
        foreach (var group in await groups.AllAsync())
        {
            await Assertions.Expect(group.Locator("h2")).ToContainTextAsync("4 người");
            var byAssociation = group.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasText = "Theo hội thành viên" }) });
            var row = await byAssociation.Locator("tbody tr").InnerTextAsync();
            Assert.True(row.Contains(associationName) || row.Contains("Hồ sơ không ghi"), row);
            Assert.EndsWith("4", row.Trim());
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Theo học vị");
        var html = await page.ContentAsync();
        Assert.All(experts, e => Assert.DoesNotContain(e, html, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Họ Tên Riêng", html);
        await Browser.AssertAccessible(page);

        await page.GotoAsync(Url($"/opinion-map/{id}/groups?culture=en"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Opinion group profiles");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("By member association");
        await Browser.AssertAccessible(page);
    }
}
