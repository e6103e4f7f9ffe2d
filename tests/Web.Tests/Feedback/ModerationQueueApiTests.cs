using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>Reports with a category, the queue narrowed by consultation and status, and the author told of hide and restore.</summary>
public class ModerationQueueApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> Submit(Guid consultation, string anchor, string author, string rationale)
    {
        var response = await (await app.As(author)).PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(anchor, rationale));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    [Fact]
    public async Task An_expert_reports_with_a_category_but_never_their_own_item_and_the_reason_reaches_only_reviewers()
    {
        var (consultation, sections) = await app.Consultation();
        var item = await Submit(consultation, sections[0].Anchor, "expert1", "Nội dung có số điện thoại 0912");
        var author = await app.As("expert1");
        var reporter = await app.As("expert2");

        var own = await author.PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "Tự báo cáo", category = "spam" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("application/problem+json", own.Content.Headers.ContentType?.MediaType);
        var badCategory = await reporter.PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "x", category = "rude" });
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.True((await Json(badCategory)).GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "Lộ số điện thoại", category = "personal-data" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PostAsJsonAsync($"/api/feedback/{item}/reports", new { reason = "Lại", category = "spam" })).StatusCode);

        var history = await Json(await (await app.As("moderator")).GetAsync($"/api/feedback/{item}/history"));
        Assert.Equal(["submitted", "reported"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));

        var queue = await Json(await (await app.As("moderator")).GetAsync($"/api/moderation/queue?consultation={consultation}"));
        var reported = Assert.Single(queue.EnumerateArray());
        var reason = Assert.Single(reported.GetProperty("reportReasons").EnumerateArray());
        Assert.Equal("personal-data", reason.GetProperty("category").GetString());
        Assert.Equal("Lộ số điện thoại", reason.GetProperty("reason").GetString());
        Assert.DoesNotContain("expert2", reported.GetProperty("reportReasons").GetRawText());

        var official = await Json(await (await app.As("official")).GetAsync($"/api/consultations/{consultation}/feedback"));
        Assert.Equal(1, Assert.Single(official.EnumerateArray()).GetProperty("reportReasons").GetArrayLength());
        var anonymous = await (await app.As(null)).GetStringAsync($"/api/consultations/{consultation}/feedback");
        Assert.DoesNotContain("Lộ số điện thoại", anonymous);
        Assert.DoesNotContain("\"reports\":1", anonymous);
    }

    [Fact]
    public async Task The_queue_narrows_to_one_consultation_and_one_status_reported_items_first()
    {
        var (consultation, sections) = await app.Consultation();
        var (other, otherSections) = await app.Consultation();
        var quiet = await Submit(consultation, sections[0].Anchor, "expert1", "Không ai báo cáo");
        var flagged = await Submit(consultation, sections[1].Anchor, "expert1", "Bị báo cáo");
        var hidden = await Submit(consultation, sections[0].Anchor, "expert3", "Sẽ bị ẩn");
        var elsewhere = await Submit(other, otherSections[0].Anchor, "expert1", "Ở đợt khác");
        (await (await app.As("expert2")).PostAsJsonAsync($"/api/feedback/{flagged}/reports", new { reason = "Quảng cáo", category = "spam" })).EnsureSuccessStatusCode();
        var moderator = await app.As("moderator");
        (await moderator.PostAsJsonAsync($"/api/feedback/{hidden}/moderation", new { action = "hide", category = "off-topic", reason = "Không đúng chủ đề" })).EnsureSuccessStatusCode();

        var queue = await Json(await moderator.GetAsync($"/api/moderation/queue?consultation={consultation}"));
        Assert.Equal([flagged, hidden, quiet], queue.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(elsewhere, queue.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var onlyHidden = await Json(await moderator.GetAsync($"/api/moderation/queue?consultation={consultation}&status=hidden"));
        Assert.Equal(hidden, Assert.Single(onlyHidden.EnumerateArray()).GetProperty("id").GetGuid());
        var published = await Json(await moderator.GetAsync($"/api/moderation/queue?consultation={consultation}&status=published"));
        Assert.Equal([flagged, quiet], published.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var bad = await moderator.GetAsync("/api/moderation/queue?status=gone");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.As(null)).GetAsync("/api/moderation/queue")).StatusCode);
    }

    [Fact]
    public async Task The_author_reads_in_my_feedback_why_their_item_was_hidden_and_then_restored()
    {
        var (consultation, sections) = await app.Consultation();
        var item = await Submit(consultation, sections[0].Anchor, "expert2", "Góp ý sẽ bị ẩn rồi khôi phục");
        var moderator = await app.As("moderator");
        var author = await app.As("expert2");
        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "hide", category = "personal-data", reason = "Lộ địa chỉ nhà riêng" })).EnsureSuccessStatusCode();
        var page = await author.GetStringAsync("/me/feedback");
        Assert.Contains("Người kiểm duyệt đã ẩn góp ý này", page);
        Assert.Contains("Lộ địa chỉ nhà riêng", page);

        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "restore", category = "other", reason = "Tác giả đã được nhắc; nội dung không còn vấn đề" })).EnsureSuccessStatusCode();
        page = await author.GetStringAsync("/me/feedback");
        Assert.Contains("Người kiểm duyệt đã khôi phục góp ý này", page);
        Assert.Contains("Tác giả đã được nhắc; nội dung không còn vấn đề", page);
        var own = (await Json(await author.GetAsync("/api/me/feedback"))).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item);
        Assert.Equal("published", own.GetProperty("status").GetString());
        Assert.Equal("other", own.GetProperty("moderationCategory").GetString());
    }
}
