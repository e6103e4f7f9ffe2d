using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Consultation.Drafts.Naming;
using Nq45Consult.Web.Tests.Accounts;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>"Góp ý của tôi" used as a page: revise (a stale version says so), withdraw, nothing lost.</summary>
public class MyFeedbackPageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task The_author_revises_from_the_page_and_a_stale_form_says_it_was_changed_elsewhere()
    {
        var (consultation, sections) = await app.Consultation();
        var expert = await app.As("expert3");
        var item = await app.Submitted(consultation, sections[0].Anchor, "expert3", "Bản đầu");

        var mine = await expert.GetStringAsync("/me/feedback");
        Assert.Contains($"href=\"/feedback/write/{consultation}?item={item}\"", mine);
        // The section is named in people's words, not by its anchor.
        var names = SectionNames.Of(sections.Select(section => section.ToDraftSection()));
        Assert.Contains(SectionNames.Label(names, sections[0].Anchor, SectionNameWords.Vietnamese), WebUtility.HtmlDecode(mine));
        Assert.DoesNotContain($"Mục {sections[0].Anchor}", mine);
        var form = await expert.GetStringAsync($"/feedback/write/{consultation}?item={item}");
        Assert.Contains("Bản đầu", form);
        Assert.Contains("name=\"ItemVersion\" value=\"1\"", form);

        Task<HttpResponseMessage> Post(string rationale) => expert.PostAsync($"/feedback/write/{consultation}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(form), ["item"] = item.ToString(), ["ItemVersion"] = "1",
            ["SectionAnchor"] = sections[0].Anchor, ["Stance"] = "disagree", ["Rationale"] = rationale, ["Attribution"] = "named",
        }));
        var revised = await Post("Bản sửa");
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        Assert.Equal($"/me/feedback#item-{item}", revised.Headers.Location?.ToString());
        mine = await expert.GetStringAsync("/me/feedback");
        Assert.Contains("Đã lưu bản sửa góp ý.", mine);
        Assert.Contains("Bản sửa", mine);

        // The same form sent again carries version 1, now stale: the page says why and keeps the text typed.
        var stale = await Post("Bản sửa lần hai từ tab cũ");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var body = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Góp ý đã được sửa ở nơi khác; hãy tải lại rồi sửa tiếp.", body);
        Assert.Contains("Bản sửa lần hai từ tab cũ", body);
        var stored = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback");
        Assert.Equal("Bản sửa", Assert.Single(stored.EnumerateArray()).GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task The_author_withdraws_from_the_page_and_the_item_stays_listed_as_withdrawn()
    {
        var (consultation, sections) = await app.Consultation();
        var expert = await app.As("expert2");
        var item = await app.Submitted(consultation, sections[0].Anchor, "expert2", "Sẽ rút góp ý này");
        var page = await expert.GetStringAsync("/me/feedback");

        Task<HttpResponseMessage> Withdraw(string version) => expert.PostAsync("/me/feedback?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieLoginTests.AntiforgeryToken(page), ["id"] = item.ToString(), ["version"] = version,
        }));
        var stale = await Withdraw("7");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("Góp ý đã được sửa ở nơi khác", WebUtility.HtmlDecode(await expert.GetStringAsync("/me/feedback")));
        Assert.Equal(1, (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback")).GetArrayLength());

        Assert.Equal(HttpStatusCode.Redirect, (await Withdraw("1")).StatusCode);
        var after = WebUtility.HtmlDecode(await expert.GetStringAsync("/me/feedback"));
        Assert.Contains("Đã rút góp ý. Góp ý vẫn được lưu trong lịch sử.", after);
        Assert.Contains("Sẽ rút góp ý này", after);
        Assert.Contains("Đã rút", after);
        Assert.Equal(0, (await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/feedback")).GetArrayLength());
    }
}
