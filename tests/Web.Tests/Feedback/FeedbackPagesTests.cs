using System.Net;
using System.Net.Http.Json;
using Nq45Consult.Web.Tests.Accounts;

namespace Nq45Consult.Web.Tests.Feedback;

public class FeedbackPagesTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_form_submits_with_a_quote_and_my_feedback_lists_it_as_text()
    {
        var (consultation, sections) = await app.Consultation();
        var section = sections.First(s => s.Text.Contains("hạ tầng số"));
        var expert = await app.As("expert1");
        var form = await expert.GetStringAsync($"/feedback/write/{consultation}?SectionAnchor={section.Anchor}");
        Assert.Contains("<label for=\"Rationale\"", form);
        Assert.Contains("Phát triển hạ tầng số", form);
        var token = CookieLoginTests.AntiforgeryToken(form);

        var start = section.Text.IndexOf("hạ tầng", StringComparison.Ordinal);
        var posted = await expert.PostAsync($"/feedback/write/{consultation}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["SectionAnchor"] = section.Anchor,
            ["IdempotencyKey"] = "page-1",
            ["Stance"] = "add",
            ["Rationale"] = "<script>alert(1)</script> lý do",
            ["Attribution"] = "anonymous",
            ["QuoteText"] = "hạ tầng",
            ["QuoteStart"] = start.ToString(),
            ["QuoteEnd"] = (start + "hạ tầng".Length).ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/me/feedback#item-", posted.Headers.Location?.ToString());

        var mine = await expert.GetStringAsync("/me/feedback");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; lý do", mine);
        Assert.DoesNotContain("<script>alert(1)", mine);
        Assert.Contains("Rút góp ý", mine);
        var items = await (await app.As(null)).GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/consultations/{consultation}/feedback");
        Assert.Equal("hạ tầng", Assert.Single(items!).GetProperty("quote").GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_form_shows_errors_for_a_missing_rationale_and_stores_nothing()
    {
        var (consultation, sections) = await app.Consultation();
        var expert = await app.As("expert2");
        var form = await expert.GetStringAsync($"/feedback/write/{consultation}?SectionAnchor={sections[0].Anchor}");
        var posted = await expert.PostAsync($"/feedback/write/{consultation}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form),
            ["SectionAnchor"] = sections[0].Anchor,
            ["Stance"] = "add",
            ["Attribution"] = "named",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Lý do, luận cứ là bắt buộc.", await posted.Content.ReadAsStringAsync());
        Assert.Empty((await (await app.As(null)).GetFromJsonAsync<List<object>>($"/api/consultations/{consultation}/feedback"))!);
    }

    [Fact]
    public async Task The_moderation_queue_is_for_moderators_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("moderator")).GetAsync("/moderation/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync("/moderation/feedback")).StatusCode);
    }
}
