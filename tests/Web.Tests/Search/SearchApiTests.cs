using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Search;

/// <summary>GET /api/search and /search over the real index: diacritics, ranking, filters, read rules, anonymity.</summary>
public class SearchApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Plan = """
        # Kế hoạch tìm kiếm

        ## I. Quy hoạch đô thị

        1. Đẩy mạnh quy hoạch vùng ven biển.

        ## II. Thủy điện

        1. Nội dung ngắn.

        ## III. Việc khác

        1. Một đoạn dài về nhiều việc của tỉnh trong những năm tới, có nhắc đến thủy điện một lần, cùng giao thông, giáo dục, y tế và nhiều nội dung khác nữa.
        """;

    /// <summary>A consultation with <paramref name="markdown"/> as its first version, opened unless <paramref name="open"/> is false.</summary>
    private async Task<Guid> Consultation(string markdown = Plan, bool open = true, string field = "y tế")
    {
        var steps = new ConsultationSteps(app.Services);
        var now = DateTimeOffset.UtcNow;
        var created = await steps.Create(null, new ConsultationDetailsInput(
            $"Tìm {Guid.NewGuid():N}", "Tóm tắt", "Sở KH&CN", "plan", [field], "public", now.AddDays(-1), now.AddDays(30)), "moderator");
        var id = created.Consultation?.Id ?? throw new InvalidOperationException($"Create refused: {created.Decision}");
        Assert.True((await steps.PublishVersion(id, markdown, null, "moderator")).Decision is { Accepted: true });
        if (open) await steps.Open(id, "moderator");
        return id;
    }

    private async Task<JsonElement> Search(string? user, string query)
    {
        var response = await (await app.As(user)).GetAsync($"/api/search?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Hits(JsonElement body) => [.. body.GetProperty("hits").EnumerateArray()];

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Words_are_found_with_or_without_diacritics_and_d_for_đ_marked_in_HTML_and_linked_to_the_section()
    {
        var id = await Consultation();
        var hits = Hits(await Search(null, $"q={Q("quy hoach")}&consultation={id}"));
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("draft", h.GetProperty("kind").GetString()));
        Assert.Equal("I <mark>Quy</mark> <mark>hoạch</mark> đô thị", hits[0].GetProperty("headingHtml").GetString());
        Assert.Equal("Đẩy mạnh <mark>quy</mark> <mark>hoạch</mark> vùng ven biển.", hits[1].GetProperty("snippetHtml").GetString());
        var section = hits[1];
        var slug = section.GetProperty("consultationSlug").GetString();
        Assert.Equal($"/consultations/{slug}#{section.GetProperty("sectionAnchor").GetString()}", section.GetProperty("url").GetString());

        Assert.Single(Hits(await Search(null, $"q={Q("do thi")}&consultation={id}")));
        Assert.Single(Hits(await Search(null, $"q={Q("ĐẨY MẠNH")}&consultation={id}")));
        Assert.Single(Hits(await Search(null, $"q={Q("day manh")}&consultation={id}")));
        Assert.Empty(Hits(await Search(null, $"q={Q("\"hoach quy\"")}&consultation={id}")));

        // Text with markup characters comes back encoded.
        var item = await app.Submitted(id, null, rationale: "So sánh <b>quy hoạch</b> & \"thực tế\".");
        var feedback = Hits(await Search(null, $"q={Q("thuc te")}&consultation={id}")).Single();
        Assert.Equal(item, feedback.GetProperty("item").GetProperty("id").GetGuid());
        Assert.StartsWith("So sánh &lt;b&gt;quy hoạch&lt;/b&gt; &amp; &quot;<mark>thực</mark> <mark>tế</mark>&quot;.", feedback.GetProperty("snippetHtml").GetString());
        Assert.EndsWith($"#item-{item}", feedback.GetProperty("url").GetString());

        // A new version replaces the sections searched.
        await new ConsultationSteps(app.Services).PublishVersion(id, "# Kế hoạch\n\n## I. Mục tiêu\n\n1. Phát triển.", "v2", "moderator");
        Assert.Empty(Hits(await Search(null, $"q={Q("ven bien")}&consultation={id}")));
        Assert.Single(Hits(await Search(null, $"q={Q("phat trien")}&consultation={id}&kind=draft")));
    }

    [Fact]
    public async Task Results_are_ranked_heading_before_body_and_repeated_close_matches_before_a_single_one()
    {
        var id = await Consultation();
        var once = await app.Submitted(id, null, rationale:
            "Về tổng thể, kế hoạch cần nói rõ hơn nguồn lực, tiến độ và trách nhiệm của các sở, trong đó có thủy điện, cùng các chỉ tiêu đo lường được cho từng năm.");
        var often = await app.Submitted(id, null, rationale: "Thủy điện nhỏ: dừng thủy điện mới, rà soát thủy điện cũ.");
        var sections = Hits(await Search(null, $"q={Q("thuy dien")}&consultation={id}&kind=draft"));
        Assert.Equal(2, sections.Count);
        Assert.Equal("II <mark>Thủy</mark> <mark>điện</mark>", sections[0].GetProperty("headingHtml").GetString());
        Assert.Contains("nhắc đến <mark>thủy</mark> <mark>điện</mark> một lần", sections[1].GetProperty("snippetHtml").GetString());
        var items = Hits(await Search(null, $"q={Q("thuy dien")}&consultation={id}&kind=feedback"));
        Assert.Equal([often, once], items.Select(h => h.GetProperty("item").GetProperty("id").GetGuid()));
        Assert.True(items[0].GetProperty("rank").GetDouble() > items[1].GetProperty("rank").GetDouble());
        var all = Hits(await Search(null, $"q={Q("thuy dien")}&consultation={id}"));
        Assert.Equal(4, all.Count);
        Assert.Equal(all.Select(h => h.GetProperty("rank").GetDouble()).OrderDescending(), all.Select(h => h.GetProperty("rank").GetDouble()));
    }

    [Fact]
    public async Task Filters_by_kind_consultation_status_and_field_page_through_results_and_bad_input_is_400_naming_the_field()
    {
        const string Coded = "# Kế hoạch\n\n## I. Quy hoạch QH7731\n\n1. Nội dung QH7731.";
        var open = await Consultation(Coded, field: "đô thị");
        var closed = await Consultation(Coded, field: "đô thị");
        await app.Submitted(closed, null, rationale: "Quy hoạch QH7731 cần lấy ý kiến người dân.");
        await app.Close(closed);
        var unopened = await Consultation(Coded, open: false, field: "đô thị");

        var everything = await Search(null, $"q=qh7731&field={Q("Đô thị")}");
        var consultations = Hits(everything).Select(h => h.GetProperty("consultationId").GetGuid()).ToHashSet();
        Assert.Contains(open, consultations);
        Assert.Contains(closed, consultations);
        Assert.DoesNotContain(unopened, consultations);
        Assert.Contains(unopened, Hits(await Search("moderator", $"q=qh7731&field={Q("đô thị")}&pageSize=50"))
            .Select(h => h.GetProperty("consultationId").GetGuid()));

        var feedback = Hits(await Search(null, $"q=qh7731&kind=feedback&field={Q("đô thị")}"));
        Assert.Equal(closed, Assert.Single(feedback).GetProperty("consultationId").GetGuid());
        Assert.All(Hits(await Search(null, $"q=qh7731&status=closed&field={Q("đô thị")}")),
            h => Assert.Equal(closed, h.GetProperty("consultationId").GetGuid()));
        Assert.Empty(Hits(await Search(null, $"q=qh7731&field={Q("thương mại")}&consultation={open}")));
        var slug = Hits(everything).First(h => h.GetProperty("consultationId").GetGuid() == open).GetProperty("consultationSlug").GetString();
        Assert.All(Hits(await Search(null, $"q=qh7731&consultation={slug}")), h => Assert.Equal(open, h.GetProperty("consultationId").GetGuid()));
        Assert.Empty(Hits(await Search("expert1", $"q=qh7731&consultation={unopened}")));

        var first = await Search(null, $"q=qh7731&consultation={closed}&pageSize=1");
        var second = await Search(null, $"q=qh7731&consultation={closed}&pageSize=1&page=2");
        Assert.Equal(3, first.GetProperty("total").GetInt64());
        Assert.Equal(3, second.GetProperty("total").GetInt64());
        Assert.NotEqual(Hits(first).Single().GetProperty("url").GetString(), Hits(second).Single().GetProperty("url").GetString());
        Assert.Empty(Hits(await Search(null, $"q=qh7731&consultation={closed}&pageSize=1&page=4")));

        foreach (var (query, field) in new[]
        {
            ("q=", "q"), ("q=%20-%20", "q"), ($"q={new string('a', 201)}", "q"), ("q=a&kind=video", "kind"), ("q=a&status=later", "status"),
            ("q=a&field=astrology", "field"), ("q=a&page=0", "page"), ("q=a&page=x", "page"), ("q=a&pageSize=51", "pageSize"),
        })
        {
            var response = await (await app.As(null)).GetAsync($"/api/search?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Fact]
    public async Task A_hidden_or_withdrawn_item_is_found_by_moderators_only_and_a_restored_one_by_everyone()
    {
        var id = await Consultation();
        var item = await app.Submitted(id, null, rationale: "Đề nghị bổ sung chỉ tiêu về kênh mương nội đồng.");
        var query = $"q={Q("kenh muong")}&consultation={id}";
        Assert.Single(Hits(await Search("expert2", query)));
        var moderator = await app.As("moderator");
        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "hide", category = "off-topic", reason = "Thử ẩn." })).EnsureSuccessStatusCode();
        Assert.Empty(Hits(await Search("expert2", query)));
        Assert.Empty(Hits(await Search(null, query)));
        var seen = Assert.Single(Hits(await Search("moderator", query)));
        Assert.Equal("hidden", seen.GetProperty("item").GetProperty("status").GetString());
        (await moderator.PostAsJsonAsync($"/api/feedback/{item}/moderation", new { action = "restore", category = "off-topic", reason = "Thử hiện lại." })).EnsureSuccessStatusCode();
        Assert.Single(Hits(await Search("expert2", query)));
        (await (await app.As("expert1")).DeleteAsync($"/api/feedback/{item}")).EnsureSuccessStatusCode();
        Assert.Empty(Hits(await Search("expert2", query)));
        Assert.Empty(Hits(await Search("expert1", query)));
        Assert.Equal("withdrawn", Assert.Single(Hits(await Search("moderator", query))).GetProperty("item").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_anonymous_authors_name_never_shows_and_responses_are_found_once_published()
    {
        var id = await Consultation();
        var response = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            FeedbackFixture.Feedback(null, "Cần làm rõ cơ chế đặt hàng nhiệm vụ khoa học.", attribution: "anonymous"));
        var item = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        var query = $"q={Q("dat hang")}&consultation={id}";
        foreach (var user in new[] { null, "expert2", "expert1", "official" })
        {
            var text = await (await app.As(user)).GetStringAsync($"/api/search?{query}");
            Assert.Contains("Ẩn danh", text);
            Assert.DoesNotContain("Nguyễn Văn An", text);
            Assert.DoesNotContain("expert1", text);
            var page = await (await app.As(user)).GetStringAsync($"/search?{query}");
            // The header names whoever is signed in; the results are in <main>.
            page = page[page.IndexOf("<main", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
            Assert.Contains("Ẩn danh", page);
            Assert.DoesNotContain("Nguyễn Văn An", page);
        }
        Assert.Equal("PGS.TS. Nguyễn Văn An", Hits(await Search("moderator", query)).Single().GetProperty("item").GetProperty("authorName").GetString());

        await app.Close(id);
        var official = await app.As("official");
        (await official.PostAsJsonAsync($"/api/feedback/{item}/response", new { decision = "accepted", explanation = "Đã bổ sung quy trình tuyển chọn minh bạch." }))
            .EnsureSuccessStatusCode();
        var responses = $"q={Q("tuyen chon")}&consultation={id}&kind=response";
        Assert.Empty(Hits(await Search("expert2", responses)));
        Assert.Empty(Hits(await Search(null, responses)));
        Assert.Single(Hits(await Search("official", responses)));
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsync($"/api/consultations/{id}/responses/publish", null)).StatusCode);
        var hit = Assert.Single(Hits(await Search(null, responses)));
        Assert.Equal("accepted", hit.GetProperty("item").GetProperty("decision").GetString());
        Assert.Equal("Ẩn danh", hit.GetProperty("item").GetProperty("authorName").GetString());
        Assert.Contains("<mark>tuyển</mark> <mark>chọn</mark>", hit.GetProperty("snippetHtml").GetString());
    }

    [Fact]
    public async Task The_search_page_marks_the_words_and_the_consultation_list_filters_titles_without_diacritics()
    {
        var id = await Consultation();
        var client = await app.As(null);
        var page = await client.GetStringAsync($"/search?q={Q("quy hoach")}&consultation={id}");
        Assert.Contains("<mark>Quy</mark> <mark>hoạch</mark>", page);
        Assert.Contains("2 kết quả cho “<span lang=\"vi\">quy hoach</span>”.", page);
        Assert.Contains("Nhập từ cần tìm", await client.GetStringAsync("/search?q=%20-%20"));

        string title;
        await using (var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            title = (await session.LoadAsync<ConsultationDetails>(id))!.Title;
        var list = await client.GetStringAsync($"/consultations?q={Q("TIM " + title[4..])}");
        Assert.Contains(title, list);
        Assert.DoesNotContain(title, await client.GetStringAsync($"/consultations?q={Q("khong co " + title[4..])}"));
    }

    [Fact]
    public async Task A_word_in_more_texts_than_are_ranked_says_more_than_the_ranked_count_and_its_pages_hold_only_ranked_matches()
    {
        var ranked = Nq45Consult.Consultation.Search.SearchQueries.RankedAtMost;
        // Two drafts of half the count and one more each (a draft holds at most 5,000 sections), with a word of their own.
        var word = $"zq{Guid.NewGuid():N}"[..10];
        var half = ranked / 2 + 1;
        var sections = string.Concat(Enumerable.Range(1, half).Select(n => $"## Mục {n}\n\nNội dung {word} số {n}.\n\n"));
        await Consultation($"# Kế hoạch dài\n\n{sections}");
        await Consultation($"# Kế hoạch dài khác\n\n{sections}");

        var common = await Search(null, $"q={word}&pageSize=50");
        Assert.Equal(ranked, common.GetProperty("total").GetInt64());
        Assert.True(common.GetProperty("moreThanTotal").GetBoolean());
        Assert.Equal(50, Hits(common).Count);
        Assert.Equal(50, Hits(await Search(null, $"q={word}&pageSize=50&page={ranked / 50}")).Count);
        Assert.Empty(Hits(await Search(null, $"q={word}&pageSize=50&page={ranked / 50 + 1}")));

        // A word in fewer texts is counted exactly.
        var rare = await Search(null, $"q={Q($"{word} \"so 2222\"")}");
        Assert.Equal(2, rare.GetProperty("total").GetInt64());
        Assert.False(rare.GetProperty("moreThanTotal").GetBoolean());

        var page = WebUtility.HtmlDecode(await (await app.As(null)).GetStringAsync($"/search?q={word}"));
        Assert.Contains("Hơn 5.000 kết quả", page);
    }
}
