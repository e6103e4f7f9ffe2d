using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Accounts;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>The consultation page's report form as a plain form post (no script): post, redirect, get.</summary>
public class ReportPageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private async Task<(string Slug, Guid Item)> ItemOnAPage()
    {
        var (consultation, sections) = await app.Consultation();
        var created = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{consultation}/feedback",
            FeedbackFixture.Feedback(sections[0].Anchor, "Góp ý công khai \u200b\u202e đảo chiều 🙂"));
        created.EnsureSuccessStatusCode();
        var slug = (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}")).GetProperty("slug").GetString()!;
        return (slug, (await created.Content.ReadFromJsonAsync<Created>())!.Id);
    }

    private static Task<HttpResponseMessage> Report(HttpClient client, string slug, string page, Guid item, string category, string reason) =>
        client.PostAsync($"/consultations/{slug}?handler=Report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(page),
            ["item"] = item.ToString(),
            ["category"] = category,
            ["reason"] = reason,
        }));

    [Fact]
    public async Task Another_expert_reports_an_item_listed_on_the_page_once_and_sees_a_confirmation()
    {
        var (slug, item) = await ItemOnAPage();
        var reporter = await app.As("expert2");
        var page = await reporter.GetStringAsync($"/consultations/{slug}");
        // Stored exactly and rendered as text: the marks come back intact once the HTML is decoded.
        Assert.Contains("Góp ý công khai \u200b\u202e đảo chiều 🙂", WebUtility.HtmlDecode(page));
        Assert.Contains($"<label for=\"report-reason-", page);
        Assert.Contains("Báo cáo vi phạm", page);

        var empty = await Report(reporter, slug, page, item, "spam", " ");
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("Lý do báo cáo là bắt buộc.", await reporter.GetStringAsync($"/consultations/{slug}"));
        var queue = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>("/api/moderation/queue");
        Assert.Equal(0, queue.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item).GetProperty("reports").GetInt32());

        page = await reporter.GetStringAsync($"/consultations/{slug}");
        var sent = await Report(reporter, slug, page, item, "spam", "Quảng cáo sản phẩm");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/consultations/{slug}#item-{item}", sent.Headers.Location?.ToString());
        var after = await reporter.GetStringAsync($"/consultations/{slug}");
        Assert.Contains("Đã gửi báo cáo vi phạm tới người kiểm duyệt.", after);
        Assert.DoesNotContain("report-reason-", after);
        Assert.Contains("Ông/bà đã báo cáo góp ý này.", await reporter.GetStringAsync($"/consultations/{slug}"));

        var again = await Report(reporter, slug, page, item, "spam", "Lần nữa");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Ông/bà đã báo cáo góp ý này.", await reporter.GetStringAsync($"/consultations/{slug}"));
        queue = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>("/api/moderation/queue");
        var reported = queue.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item);
        Assert.Equal(1, reported.GetProperty("reports").GetInt32());
        Assert.Equal("spam", Assert.Single(reported.GetProperty("reportReasons").EnumerateArray()).GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_author_and_readers_who_are_not_experts_get_no_report_form_and_a_forged_post_is_refused()
    {
        var (slug, item) = await ItemOnAPage();
        var author = await app.As("expert1");
        var page = await author.GetStringAsync($"/consultations/{slug}");
        Assert.Contains("Góp ý công khai", page);
        Assert.DoesNotContain("report-reason-", page);
        Assert.DoesNotContain("report-reason-", await (await app.As(null)).GetStringAsync($"/consultations/{slug}"));
        Assert.DoesNotContain("report-reason-", await (await app.As("official")).GetStringAsync($"/consultations/{slug}"));

        var own = await Report(author, slug, page, item, "spam", "Tự báo cáo");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Contains("Không thể báo cáo góp ý của chính mình", await author.GetStringAsync($"/consultations/{slug}"));
        var queue = await (await app.As("moderator")).GetFromJsonAsync<JsonElement>("/api/moderation/queue");
        Assert.Equal(0, queue.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item).GetProperty("reports").GetInt32());
    }
}
