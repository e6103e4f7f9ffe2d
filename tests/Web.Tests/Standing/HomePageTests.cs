using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nq45Consult.Web.Tests.Feedback;
using Nq45Consult.Web.Tests.Surveys;

namespace Nq45Consult.Web.Tests.Standing;

/// <summary>
/// The home page's "open now" and "answered lately", each as its caller may see it; the public moderation log page;
/// whole numbers of people on the statistics page; the site's icon.
/// </summary>
public sealed partial class HomePageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<(string Slug, string Title)> Named(Guid id)
    {
        var json = await (await (await app.As("moderator")).GetAsync($"/api/consultations/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("slug").GetString()!, json.GetProperty("title").GetString()!);
    }

    private async Task<string> Page(string? userName, string path)
    {
        var response = await (await app.As(userName)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The home page's list marked <c>data-open-now=<paramref name="list"/></c>; empty when the page has none.</summary>
    private static string List(string html, string list)
    {
        var start = html.IndexOf($"data-open-now=\"{list}\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_home_page_lists_what_is_open_and_what_was_answered_lately_each_linked_and_nothing_unpublished()
    {
        var (open, _) = await app.Consultation();
        var (unopened, _) = await app.Consultation(open: false);
        var (answered, sections) = await app.Consultation();
        var item = await app.Submitted(answered, sections[0].Anchor);
        await app.Close(answered);
        var official = await app.As("official");
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "accepted", explanation = "Đã sửa." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsync($"/api/consultations/{answered}/responses/publish", null)).StatusCode);
        var moderator = await app.As("moderator");
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync($"/api/consultations/{open}/survey", SurveyApiTests.Questions)).StatusCode);
        foreach (var (title, days) in new[] { ("Đối thoại tuần này", 3), ("Đối thoại tháng sau", 40) })
            Assert.Equal(HttpStatusCode.Created, (await moderator.PostAsJsonAsync($"/api/consultations/{open}/sessions", new { title, startsAt = DateTimeOffset.UtcNow.AddDays(days) })).StatusCode);
        var (openSlug, openTitle) = await Named(open);
        var (answeredSlug, answeredTitle) = await Named(answered);
        var (_, unopenedTitle) = await Named(unopened);

        var anonymous = await Page(null, "/");
        var consultations = List(anonymous, "consultations");
        Assert.Contains($"<a href=\"/consultations/{openSlug}\">{openTitle}</a>", consultations);
        Assert.DoesNotContain(answeredTitle, consultations);
        Assert.Contains($"<a href=\"/surveys/{open}\">{openTitle}</a>", List(anonymous, "surveys"));
        Assert.Contains($"<a href=\"/consultations/{answeredSlug}\">{answeredTitle}</a>", List(anonymous, "answered"));
        Assert.DoesNotContain(unopenedTitle, anonymous);
        // A public consultation's sessions are announced to everyone, with a way in only for those who may join.
        var announced = List(anonymous, "sessions");
        Assert.Contains("<span lang=\"vi\">Đối thoại tuần này</span>", announced);
        Assert.DoesNotContain("href=\"/sessions/", announced);
        Assert.DoesNotContain("Đối thoại tháng sau", announced);

        var expert = List(await Page("expert1", "/"), "sessions");
        Assert.Matches("<a href=\"/sessions/[0-9a-f-]+\" lang=\"vi\">Đối thoại tuần này</a>", expert);
        Assert.DoesNotContain("Đối thoại tháng sau", expert);
        Assert.DoesNotContain(unopenedTitle, await Page("moderator", "/"));

        var english = await Page(null, "/?culture=en");
        Assert.Contains("Open now", english);
        Assert.Contains("Answered lately", english);
    }

    [Fact]
    public async Task The_moderation_log_page_counts_hidden_and_restored_items_by_reason_without_their_text_or_author()
    {
        var (id, sections) = await app.Consultation();
        var (slug, _) = await Named(id);
        var moderator = await app.As("moderator");
        var page = await Page(null, $"/consultations/{slug}/moderation");
        Assert.Contains("data-moderation-log=\"empty\"", page);
        Assert.Contains($"href=\"/consultations/{slug}/moderation\"", await Page(null, $"/consultations/{slug}"));

        var hidden = await app.Submitted(id, sections[0].Anchor, rationale: "Lời lẽ bị ẩn đi.");
        var restored = await app.Submitted(id, sections[0].Anchor, rationale: "Lời lẽ được khôi phục.");
        foreach (var (item, action, category) in new[] { (hidden, "hide", "spam"), (restored, "hide", "off-topic"), (restored, "restore", "off-topic") })
            Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action, category, reason = "Kiểm tra nhật ký." })).StatusCode);

        page = await Page(null, $"/consultations/{slug}/moderation");
        Assert.Matches(Row("spam", "Quảng cáo, rác", 1, 0), page);
        Assert.Matches(Row("off-topic", "Không đúng chủ đề", 1, 1), page);
        foreach (var secret in new[] { "Lời lẽ", "Kiểm tra nhật ký", "expert1", hidden.ToString() }) Assert.DoesNotContain(secret, page);
        Assert.Matches(Row("spam", "Advertising, spam", 1, 0), await Page(null, $"/consultations/{slug}/moderation?culture=en"));

        var (draft, _) = await app.Consultation(open: false);
        var (draftSlug, _) = await Named(draft);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("expert1")).GetAsync($"/consultations/{draftSlug}/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/consultations/{draftSlug}/moderation")).StatusCode);
    }

    private static Regex Row(string category, string label, int hidden, int restored) => new(
        $"<tr data-category=\"{category}\">\\s*<th scope=\"row\">{Regex.Escape(label)}</th>\\s*<td>{hidden}</td>\\s*<td>{restored}</td>");

    [Fact]
    public async Task Counts_of_people_on_the_statistics_page_are_whole_numbers()
    {
        var page = await Page("moderator", "/experts/stats");
        Assert.Matches(TargetRow("university-graduates", "90.000 người", "3 người"), page);
        Assert.Matches(TargetRow("doctorate-share", "0,5 %", "66,67 %"), page);
        Assert.DoesNotMatch(@"\d,0 người", page);
    }

    private static Regex TargetRow(string key, string target, string current) => new(
        $"<tr data-target=\"{key}\">\\s*<th scope=\"row\">[^<]+</th>\\s*<td>{Regex.Escape(target)}</td>\\s*<td>{Regex.Escape(current)}</td>");

    [Fact]
    public async Task Every_page_links_the_site_icon_which_is_kept_for_a_year()
    {
        var href = IconLink().Match(await Page(null, "/consultations")).Groups[1].Value;
        Assert.StartsWith("/favicon.svg?v=", href);
        var icon = await (await app.As(null)).GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), icon.Headers.CacheControl?.MaxAge);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<link rel=\"icon\" href=\"([^\"]+)\" type=\"image/svg\\+xml\">")]
    private static partial Regex IconLink();
}
