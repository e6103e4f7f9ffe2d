using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// The app on Kestrel with something on every page: the seeded consultations, one consultation with two
/// versions (for the redline), feedback from expert1, more invitations for expert1 than the inbox shows on one
/// page, and a started live session — all made through the API. One Chromium, one signed-in browser context per user.
/// </summary>
public sealed class PagesApp : ConsultationApp, IAsyncLifetime
{
    public const string TwoVersionsSlug = "hai-phien-ban";
    private readonly ConcurrentDictionary<string, Lazy<Task<IBrowserContext>>> contexts = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PagesApp()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }

    public string BaseAddress { get; }
    public Guid PlanId { get; private set; }
    public Guid SessionId { get; private set; }

    /// <summary>A critique case of the plan, accepted, with expert1 appointed chair (awaiting their answer).</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The cursor of expert1's second page of notifications (they have more than a page's worth).</summary>
    public Guid OlderNotifications { get; private set; }

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Browser.Launch(playwright);
        var moderator = await Api("moderator");
        var consultations = await (await moderator.GetAsync("/api/consultations?status=all")).JsonAsync();
        PlanId = consultations.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "ke-hoach-45-nq-tw").GetProperty("id").GetGuid();

        var now = DateTimeOffset.UtcNow;
        var created = await moderator.PostAsJsonAsync("/api/consultations", new
        {
            title = "Hai phiên bản", summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = new[] { "y tế" }, audience = "public",
            documentType = "policy", opensAt = now, closesAt = now.AddDays(30), slug = TwoVersionsSlug,
        });
        created.EnsureSuccessStatusCode();
        var twoVersions = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/consultations/{twoVersions}/versions", new { markdown = Samples.Legal })).EnsureSuccessStatusCode();
        var revised = Samples.Legal.Replace("lấy ý kiến chuyên gia", "lấy ý kiến phản biện của chuyên gia") + "\n### Điều 3. Hiệu lực\n\nCó hiệu lực từ ngày ký.\n";
        (await moderator.PostAsJsonAsync($"/api/consultations/{twoVersions}/versions", new { markdown = revised, changeNote = "Bổ sung Điều 3" })).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/consultations/{twoVersions}/open", null)).EnsureSuccessStatusCode();

        (await moderator.PutAsJsonAsync($"/api/consultations/{PlanId}/survey", new
        {
            questions = new object[]
            {
                new { id = "muc-do", kind = "likert", text = "Kế hoạch có khả thi không?", required = true },
                new { id = "linh-vuc", kind = "multiple", text = "Lĩnh vực cần ưu tiên", options = new[] { "y tế", "giáo dục" }, required = false },
                new { id = "so-nam", kind = "number", text = "Số năm kinh nghiệm", min = 0, max = 60, required = false },
                new { id = "y-kien", kind = "text", text = "Ý kiến khác", required = false },
            },
        })).EnsureSuccessStatusCode();

        // One invitation by e-mail, so the invitations page shows its table with the actions.
        (await moderator.PostAsJsonAsync($"/api/consultations/{PlanId}/invitations", new { emails = new[] { "moi.trang@example.vn" } })).EnsureSuccessStatusCode();

        var expert = await Api("expert1");
        // One response, so the results page shows its tables, the breakdowns by field and degree included.
        (await expert.PostAsJsonAsync($"/api/consultations/{PlanId}/survey/responses", new
        {
            answers = new Dictionary<string, object> { ["muc-do"] = 4, ["linh-vuc"] = new[] { 0 }, ["so-nam"] = 12, ["y-kien"] = "Cần lộ trình." },
        })).EnsureSuccessStatusCode();
        foreach (var (attribution, anchor) in new[] { ("named", "II"), ("anonymous", (string?)null) })
            (await expert.PostAsJsonAsync($"/api/consultations/{PlanId}/feedback", new
            {
                sectionAnchor = anchor, stance = "amend", proposedText = "Sửa thành: …", rationale = "Cần lộ trình cụ thể.",
                references = new[] { new { title = "Luật 64/2025", url = "https://vbpl.vn/64" } }, attribution,
            })).EnsureSuccessStatusCode();

        // A recommendation with a file, routed to the demo agency: /recommendations shows its attachment list, the
        // author's attach form and the moderator's agency select.
        var recommended = await expert.PostAsJsonAsync("/api/recommendations", new { topic = "Kho dữ liệu", fields = new[] { "y tế" }, text = "Cần kho dữ liệu chung.", attribution = "named" });
        recommended.EnsureSuccessStatusCode();
        var recommendation = (await recommended.JsonAsync()).GetProperty("id").GetGuid();
        using (var file = new MultipartFormDataContent { { new ByteArrayContent(TestSupport.Attachments.SampleFiles.Pdf()), "file", "kien-nghi.pdf" } })
            (await expert.PostAsync($"/api/recommendations/{recommendation}/attachments", file)).EnsureSuccessStatusCode();
        var agency = (await (await moderator.GetAsync("/api/agencies")).JsonAsync()).EnumerateArray().First().GetProperty("id").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/recommendations/{recommendation}/routing", new { agencyId = agency })).EnsureSuccessStatusCode();

        // Feedback on the second version, then a third: the pages show carried items (one section changed with its quote
        // gone and the item marked addressed, one unchanged with its quote found again).
        var second = (await (await expert.GetAsync($"/api/consultations/{twoVersions}/versions/2")).JsonAsync()).GetProperty("sections").EnumerateArray().ToList();
        string AnchorOf(string words) => second.First(s => s.GetProperty("text").GetString()!.Contains(words, StringComparison.Ordinal)).GetProperty("anchor").GetString()!;
        var carried = new List<Guid>();
        foreach (var quote in new[] { "Khách quan", "tổ chức có liên quan" })
        {
            var posted = await expert.PostAsJsonAsync($"/api/consultations/{twoVersions}/feedback", new
            {
                sectionAnchor = AnchorOf(quote), quote, stance = "amend", rationale = "Cần nói rõ hơn.", attribution = "named",
            });
            posted.EnsureSuccessStatusCode();
            carried.Add((await posted.JsonAsync()).GetProperty("id").GetGuid());
        }
        (await moderator.PostAsJsonAsync($"/api/consultations/{twoVersions}/versions",
            new { markdown = revised.Replace("Khách quan, độc lập", "Độc lập"), changeNote = "Sửa Điều 2" })).EnsureSuccessStatusCode();
        (await moderator.PostAsJsonAsync($"/api/feedback/{carried[0]}/addressed", new { version = 3 })).EnsureSuccessStatusCode();

        // More invitations than the inbox shows at once, so /notifications has a second page with its links.
        for (var i = 0; i <= Consultation.Notifications.NotificationInbox.PageSize; i++)
        {
            var invited = await moderator.PostAsJsonAsync("/api/consultations", new
            {
                title = $"Mời góp ý {i}", summary = "Tóm tắt", draftingAgency = "Sở KH&CN", fields = new[] { "y tế" }, audience = "invited",
                documentType = "plan", opensAt = now.AddDays(1), closesAt = now.AddDays(30),
            });
            invited.EnsureSuccessStatusCode();
            (await moderator.PostAsJsonAsync($"/api/consultations/{(await invited.JsonAsync()).GetProperty("id").GetGuid()}/invitations",
                new { userNames = new[] { "expert1" } })).EnsureSuccessStatusCode();
        }
        // Notifications are written in the invitation's transaction (docs/notifications.md): already there.
        OlderNotifications = (await (await expert.GetAsync("/api/me/notifications")).JsonAsync()).GetProperty("older").GetGuid();

        var session = await moderator.PostAsJsonAsync($"/api/consultations/{PlanId}/sessions", new { title = "Hội nghị phản biện", startsAt = now });
        session.EnsureSuccessStatusCode();
        SessionId = (await session.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{SessionId}/start", null)).EnsureSuccessStatusCode();
        await HeldSession(moderator, now);
        await LetterOnThePlan(moderator);
        CaseId = await AcceptedCase(moderator);
    }

    /// <summary>An ended session of the plan, with its draft minutes.</summary>
    public Guid HeldSessionId { get; private set; }

    private async Task HeldSession(HttpClient moderator, DateTimeOffset now)
    {
        var held = await moderator.PostAsJsonAsync($"/api/consultations/{PlanId}/sessions", new { title = "Hội nghị đã họp", startsAt = now, agenda = "critique-conference" });
        held.EnsureSuccessStatusCode();
        HeldSessionId = (await held.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/sessions/{HeldSessionId}/start", null)).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/sessions/{HeldSessionId}/end", null)).EnsureSuccessStatusCode();
        (await moderator.PostAsync($"/api/sessions/{HeldSessionId}/minutes", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A letter recorded on its sender's behalf, on the plan's last section: its provenance is on the plan's page.</summary>
    private async Task LetterOnThePlan(HttpClient moderator)
    {
        await using var query = Services.GetRequiredService<IDocumentStore>().QuerySession();
        var plan = await query.LoadAsync<ConsultationDetails>(PlanId);
        var version = await query.LoadAsync<DraftVersion>(DraftVersion.IdOf(PlanId, plan!.CurrentVersion));
        (await moderator.PostAsJsonAsync($"/api/consultations/{PlanId}/feedback/on-behalf", new
        {
            sectionAnchor = version!.Sections[^1].Anchor, stance = "add", rationale = "Đề nghị bổ sung chỉ tiêu.",
            provenance = new { kind = "organisation", sender = "Hội Tin học tỉnh", documentReference = "12/CV-HTH", receivedOn = "2026-01-15" },
        })).EnsureSuccessStatusCode();
    }

    private async Task<Guid> AcceptedCase(HttpClient moderator)
    {
        var requested = await (await Api("official")).PostAsJsonAsync("/api/cases", new
        {
            kind = "critique", subject = "Phản biện Kế hoạch 45", consultationId = PlanId, dueAt = DateTimeOffset.UtcNow.AddDays(60),
        });
        requested.EnsureSuccessStatusCode();
        var id = (await requested.JsonAsync()).GetProperty("id").GetGuid();
        (await moderator.PostAsync($"/api/cases/{id}/accept", null)).EnsureSuccessStatusCode();
        var candidates = await (await moderator.GetAsync($"/api/cases/{id}/candidates?q=expert1")).JsonAsync();
        var profile = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == "expert1").GetProperty("profileId").GetGuid();
        (await moderator.PostAsJsonAsync($"/api/cases/{id}/council", new { profileId = profile, role = "chair" })).EnsureSuccessStatusCode();
        await Reviewed(moderator, id);
        return id;
    }

    /// <summary>The path of a page row, its placeholders ({plan}, {session}, {older}, {held}, {case}) filled in.</summary>
    public string PathOf(string address) =>
        address.Replace("{plan}", PlanId.ToString()).Replace("{session}", SessionId.ToString())
            .Replace("{older}", OlderNotifications.ToString()).Replace("{held}", HeldSessionId.ToString())
            .Replace("{case}", CaseId.ToString());

    /// <summary>Reviewers on the case: expert2's review saved as a draft (the form with its submit part), expert3's submitted (listed on the case page).</summary>
    private async Task Reviewed(HttpClient moderator, Guid id)
    {
        foreach (var (expert, role) in new[] { ("expert2", "first-reviewer"), ("expert3", "second-reviewer") })
        {
            var candidates = await (await moderator.GetAsync($"/api/cases/{id}/candidates?q={expert}")).JsonAsync();
            var profileId = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == expert).GetProperty("profileId").GetGuid();
            var seat = (await (await moderator.PostAsJsonAsync($"/api/cases/{id}/council", new { profileId, role })).JsonAsync()).GetProperty("id").GetGuid();
            var reviewer = await Api(expert);
            (await reviewer.PostAsync($"/api/cases/{id}/council/{seat}/accept", null)).EnsureSuccessStatusCode();
            (await reviewer.PutAsJsonAsync($"/api/cases/{id}/reviews/mine", new
            {
                strengths = "Bố cục rõ ràng.", shortcomings = "Thiếu lộ trình.", conclusion = "approve-with-amendments",
                recommendations = new[] { new { addressee = "UBND tỉnh", text = "Bổ sung lộ trình." } },
            })).EnsureSuccessStatusCode();
        }
        (await (await Api("expert3")).PostAsync($"/api/cases/{id}/reviews/mine/submit", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A new page (at phone size) in the browser context of <paramref name="userName"/>, anonymous when null.</summary>
    public async Task<IPage> PageOf(string? userName) =>
        await (await contexts.GetOrAdd(userName ?? "", name => new(() => Context(name))).Value).NewPageAsync();

    private async Task<IBrowserContext> Context(string userName)
    {
        var page = await (await browser!.NewContextAsync(Browser.Phone)).NewPageAsync();
        if (userName.Length > 0) await Browser.SignIn(page, new Uri(BaseAddress), userName, "/");
        await page.CloseAsync();
        return page.Context;
    }

    private async Task<HttpClient> Api(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(userName, DemoPassword));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
