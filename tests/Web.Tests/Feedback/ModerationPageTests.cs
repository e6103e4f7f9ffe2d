using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Accounts;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>The moderators' queue page: narrowed to a consultation, report reasons shown, hide only with a reason.</summary>
public class ModerationPageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_moderator_filters_by_consultation_reads_the_reports_and_hides_only_with_a_reason()
    {
        var (consultation, sections) = await app.Consultation();
        var (other, otherSections) = await app.Consultation();
        var created = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Bán hàng giảm giá"));
        var item = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        (await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{other}/feedback", FeedbackFixture.Feedback(otherSections[0].Anchor, "Ở đợt khác"))).EnsureSuccessStatusCode();
        (await (await app.As("expert2")).PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "Rao bán hàng", category = "spam" })).EnsureSuccessStatusCode();

        var moderator = await app.As("moderator");
        var page = WebUtility.HtmlDecode(await moderator.GetStringAsync($"/moderation/feedback?consultation={consultation}&status=published"));
        Assert.Contains("Bán hàng giảm giá", page);
        Assert.DoesNotContain("Ở đợt khác", page);
        Assert.Contains("1 báo cáo vi phạm", page);
        Assert.Contains("Rao bán hàng", page);
        Assert.Contains("<option value=\"spam\" selected", page);

        async Task<HttpResponseMessage> Hide(string reason) => await moderator.PostAsync("/moderation/feedback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(await moderator.GetStringAsync("/moderation/feedback")),
            ["id"] = item.ToString(), ["action"] = "hide", ["category"] = "spam", ["reason"] = reason,
            ["consultation"] = consultation.ToString(), ["status"] = "published",
        }));
        var refused = await Hide("");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal($"/moderation/feedback?consultation={consultation}&status=published", refused.Headers.Location?.ToString());
        Assert.Contains("Lý do là bắt buộc.", WebUtility.HtmlDecode(await moderator.GetStringAsync(refused.Headers.Location!.ToString())));
        Assert.Equal(1, (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback")).GetArrayLength());

        Assert.Equal(HttpStatusCode.Redirect, (await Hide("Rao bán hàng, không góp ý")).StatusCode);
        Assert.Equal(0, (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback")).GetArrayLength());
        var hidden = WebUtility.HtmlDecode(await moderator.GetStringAsync($"/moderation/feedback?consultation={consultation}&status=hidden"));
        Assert.Contains("Đã ẩn vì: Quảng cáo, rác — Rao bán hàng, không góp ý", hidden);
        Assert.Contains("Khôi phục", hidden);
    }
}
