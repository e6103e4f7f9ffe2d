using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
