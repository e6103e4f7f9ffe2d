using Microsoft.Playwright;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Onboarding;

/// <summary>The onboarding app on real Kestrel at 127.0.0.1, for a browser.</summary>
public sealed class KestrelOnboardingApp : OnboardingApp
{
    public KestrelOnboardingApp()
    {
        UseKestrel(0);
        StartServer();
        Root = Browser.AddressOf(Services);
    }

    public Uri Root { get; }
}

/// <summary>
/// In Debian's Chromium, against the real SMTP server: a person signs up from the sign-in page, opens the verify link
/// of the message received, waits for a moderator, who approves from the queue, then comments. Each page axe-clean and
/// valid HTML.
/// </summary>
public class SignUpBrowserTests(KestrelOnboardingApp app) : IClassFixture<KestrelOnboardingApp>
{
    private const string Strong = "Mat-khau-manh-2026";

    [Fact]
    public async Task A_person_signs_up_verifies_the_emailed_link_is_approved_by_a_moderator_and_comments()
    {
        var (id, sections) = await app.Consultation();
        var slug = (await app.Details(id)).Slug;
        var email = $"dang.ky.{Guid.NewGuid():N}@example.vn";
        var userName = $"dk{Guid.NewGuid():N}"[..16];
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);

        var person = await (await browser.NewContextAsync(Browser.Phone)).NewPageAsync();
        await Browser.AssertQuality(person, app.Root, "/account/login");
        await person.GetByRole(AriaRole.Link, new() { Name = "Chưa có tài khoản? Đăng ký" }).ClickAsync();
        await Browser.Arrived(person, "**/account/signup");
        await Browser.AssertAccessible(person);
        await person.GetByLabel("Họ và tên").FillAsync("Võ Thị Đăng Ký");
        await person.GetByLabel("Thư điện tử").FillAsync(email);
        await person.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await person.GetByLabel("Mật khẩu").FillAsync(Strong);
        await person.GetByLabel("Học vị").SelectOptionAsync("ths");
        await person.GetByLabel("y tế").CheckAsync();
        await person.GetByLabel("Cơ quan công tác").FillAsync("Trường Đại học tỉnh");
        await person.GetByLabel("Ngoài tỉnh").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu đăng ký" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhận yêu cầu đăng ký");
        await Browser.AssertAccessible(person);

        var token = OnboardingApp.VerifyTokenIn(await app.MailTo(email));
        await Browser.AssertQuality(person, app.Root, $"/account/verify?token={token}");
        await person.GetByRole(AriaRole.Button, new() { Name = "Xác nhận địa chỉ" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận địa chỉ");
        await Browser.AssertAccessible(person);

        var moderator = await (await browser.NewContextAsync(Browser.Desktop)).NewPageAsync();
        await Browser.SignIn(moderator, app.Root, "moderator", "/moderation/signups");
        await Browser.AssertQuality(moderator, app.Root, "/moderation/signups");
        var request = moderator.GetByRole(AriaRole.Article).Filter(new() { HasText = userName });
        await Assertions.Expect(request).ToContainTextAsync(email);
        await Assertions.Expect(request).ToContainTextAsync("Trường Đại học tỉnh");
        await request.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã duyệt yêu cầu của {userName}.");
        await Assertions.Expect(moderator.GetByRole(AriaRole.Article).Filter(new() { HasText = userName })).ToHaveCountAsync(0);
        await Browser.AssertAccessible(moderator);

        await person.GotoAsync(new Uri(app.Root, "/account/login").ToString());
        await person.FillAsync("#UserName", userName);
        await person.FillAsync("#Password", Strong);
        await person.ClickAsync("form.stacked-form button[type=submit]");
        await Browser.Arrived(person, url => !url.Contains("/account/login"));
        await person.GotoAsync(new Uri(app.Root, $"/consultations/{slug}").ToString());
        var anchor = sections.First(s => s.Text.Length > 0).Anchor;
        await person.Locator($"[id='{anchor}'] > p > a", new() { HasText = "Góp ý mục này" }).ClickAsync();
        await Browser.Arrived(person, "**/feedback/write/**");
        await person.GetByLabel("Đề nghị bổ sung").CheckAsync();
        await person.FillAsync("#Rationale", "Cần bổ sung chỉ tiêu đào tạo nhân lực y tế.");
        await person.ClickAsync("#feedback-form button[type=submit]");
        await Browser.Arrived(person, "**/me/feedback**");
        await Assertions.Expect(person.Locator("main")).ToContainTextAsync("Cần bổ sung chỉ tiêu đào tạo nhân lực y tế.");
        Browser.AssertNoPolicyViolations(moderator.Context);
        Browser.AssertNoPolicyViolations(person.Context);
    }
}
