using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

public class DashboardApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(Guid Id, string First, string Last)> Consultation()
    {
        var (id, sections) = await app.Consultation();
        var (first, last) = (sections[0].Anchor, sections[^1].Anchor);
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Cần bổ sung quy hoạch đô thị."));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Đồng ý.", "agree"));
        await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/feedback", new { sectionAnchor = first, stance = "disagree", rationale = "Không rõ ràng.", attribution = "named" });
        return (id, first, last);
    }

    [Fact]
    public async Task The_heat_map_counts_each_section_with_its_stance_mix()
    {
        var (id, first, last) = await Consultation();
        var response = await (await app.As("official")).GetAsync($"/api/consultations/{id}/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = await Json(response);
        var sections = data.GetProperty("sections").EnumerateArray().ToList();
        Assert.Null(sections[0].GetProperty("anchor").GetString());
        var lastSection = sections.Single(s => s.GetProperty("anchor").GetString() == last);
        Assert.Equal(2, lastSection.GetProperty("feedback").GetInt32());
        Assert.Equal((1, 1), (lastSection.GetProperty("byStance").GetProperty("agree").GetInt32(), lastSection.GetProperty("byStance").GetProperty("amend").GetInt32()));
        Assert.Equal(1, sections.Single(s => s.GetProperty("anchor").GetString() == first).GetProperty("byStance").GetProperty("disagree").GetInt32());
        Assert.Equal((3, 3), (data.GetProperty("items").GetInt32(), data.GetProperty("participants").GetInt32()));
        Assert.Equal(3, data.GetProperty("overTime").EnumerateArray().Sum(d => d.GetProperty("feedback").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Items_filter_and_search_ignores_vietnamese_diacritics()
    {
        var (id, _, last) = await Consultation();
        var official = await app.As("official");
        async Task<int> Count(string query) => (await Json(await official.GetAsync($"/api/consultations/{id}/review/items?{query}"))).GetProperty("total").GetInt32();

        Assert.Equal(1, await Count("q=quy%20hoach%20do%20thi"));
        Assert.Equal(1, await Count("q=QUY%20HOẠCH"));
        Assert.Equal(0, await Count("q=100%25"));
        Assert.Equal(2, await Count($"section={last}"));
        Assert.Equal(1, await Count("stance=disagree"));
        Assert.Equal(2, await Count("hasProposedText=true"));
        Assert.Equal(3, await Count("responded=false"));
        Assert.Equal(0, await Count("responded=true"));
        Assert.Equal(0, await Count("section="));
        var bad = await official.GetAsync($"/api/consultations/{id}/review/items?stance=maybe&responded=perhaps");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("stance", out _) && errors.TryGetProperty("responded", out _));
    }

    [Fact]
    public async Task Search_folds_diacritics_đ_and_case_on_both_sides_over_argument_and_proposed_wording()
    {
        var (id, sections) = await app.Consultation();
        var official = await app.As("official");
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback",
            new { sectionAnchor = sections[0].Anchor, stance = "amend", rationale = "ĐỀ NGHỊ bổ sung Điều 5 về đất đai_công", proposedText = "Quy định rõ thẩm quyền", attribution = "named" });
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Đất đai 100% công khai."));
        async Task<int> Count(string q) =>
            (await Json(await official.GetAsync($"/api/consultations/{id}/review/items?q={Uri.EscapeDataString(q)}"))).GetProperty("total").GetInt32();

        Assert.Equal(1, await Count("de nghi"));
        Assert.Equal(1, await Count("Đề Nghị BỔ SUNG"));
        Assert.Equal(2, await Count("DAT DAI"));
        Assert.Equal(2, await Count("đất đai"));
        Assert.Equal(1, await Count("dieu 5"));
        Assert.Equal(1, await Count("THAM QUYEN"));
        // The argument and the proposed wording are one text, as before: a phrase may run from one into the other.
        Assert.Equal(1, await Count("cong quy dinh"));
        // Like's wildcards in the query are plain characters.
        Assert.Equal(1, await Count("dai_cong"));
        Assert.Equal(0, await Count("dai%cong"));
        Assert.Equal(1, await Count("100%"));
        Assert.Equal(0, await Count("dat dia"));
    }

    [Fact]
    public async Task Items_written_before_the_search_text_existed_get_it_at_start()
    {
        var (id, sections) = await app.Consultation();
        var created = await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(sections[0].Anchor, "Hạ tầng số đồng bộ."));
        var item = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var table = store.Options.Schema.For<FeedbackItem>();
        await using (var session = store.LightweightSession())
        {
            // As an older version of the app wrote it.
            session.QueueSqlCommand($"update {table} set data = data - 'searchText' where id = ?", item);
            await session.SaveChangesAsync();
        }
        var official = await app.As("official");
        async Task<int> Count() => (await Json(await official.GetAsync($"/api/consultations/{id}/review/items?q=ha%20tang%20so"))).GetProperty("total").GetInt32();
        Assert.Equal(0, await Count());

        await ItemSearch.Backfill(store);
        Assert.Equal(1, await Count());
    }

    [Fact]
    public async Task Feedback_is_broken_down_by_the_authors_fields_and_degrees_and_filtered_by_field()
    {
        var (id, _, last) = await Consultation();
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Ý kiến riêng.", attribution: "anonymous"));
        var official = await app.As("official");
        var response = await official.GetAsync($"/api/consultations/{id}/dashboard/breakdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("expert2", text);
        var data = JsonDocument.Parse(text).RootElement;
        int Of(string list, string key) => data.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("feedback").GetInt32();
        // expert1: công nghệ thông tin + khoa học và công nghệ, TS; expert2 (one named, one anonymous): y tế, TS; expert3: khác, ĐH.
        Assert.Equal(4, data.GetProperty("items").GetInt32());
        Assert.Equal((1, 1, 2, 1, 0), (Of("byField", "công nghệ thông tin"), Of("byField", "khoa học và công nghệ"), Of("byField", "y tế"), Of("byField", "khác"), Of("byField", "giáo dục và đào tạo")));
        Assert.Equal((3, 1, 0), (Of("byDegree", "ts"), Of("byDegree", "bachelor"), Of("byDegree", "none")));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/dashboard/breakdown")).StatusCode);

        async Task<int> Count(string query) => (await Json(await official.GetAsync($"/api/consultations/{id}/review/items?{query}"))).GetProperty("total").GetInt32();
        Assert.Equal(2, await Count("field=y%20t%E1%BA%BF"));
        Assert.Equal(1, await Count("field=Y%20T%E1%BA%BF&stance=agree"));
        Assert.Equal(0, await Count("field=gi%C3%A1o%20d%E1%BB%A5c%20v%C3%A0%20%C4%91%C3%A0o%20t%E1%BA%A1o"));
        var bad = await official.GetAsync($"/api/consultations/{id}/review/items?field=astrology");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("field", out _));
    }
}
