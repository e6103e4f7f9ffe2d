using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Review;

/// <summary>The heat map's field views and field filter on <c>GET …/dashboard</c>, and sections named in people's words.</summary>
public class HeatMapApiTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Health = "y tế";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Section(JsonElement data, string anchor) =>
        data.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == anchor);

    private async Task<(Guid Id, string First, string Last)> Consultation()
    {
        var (id, sections) = await app.Consultation();
        var (first, last) = (sections[1].Anchor, sections[^1].Anchor);
        // expert1: công nghệ thông tin + khoa học và công nghệ; expert2: y tế; expert3: khác.
        await (await app.As("expert1")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Cần bổ sung quy hoạch."));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(last, "Đồng ý.", "agree"));
        await (await app.As("expert2")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(first, "Ý kiến riêng.", "add", attribution: "anonymous"));
        await (await app.As("expert3")).PostAsJsonAsync($"/api/consultations/{id}/feedback", FeedbackFixture.Feedback(first, "Không rõ ràng.", "disagree"));
        return (id, first, last);
    }

    [Fact]
    public async Task Each_section_and_each_stance_is_counted_under_every_field_of_its_authors()
    {
        var (id, first, last) = await Consultation();
        var data = await Json(await (await app.As("official")).GetAsync($"/api/consultations/{id}/dashboard"));

        var fields = data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal("none", fields[^1]);
        Assert.Contains(Health, fields);
        int Field(JsonElement of, string field) => of.GetProperty("byField").GetProperty(field).GetInt32();
        var lastSection = Section(data, last);
        Assert.Equal((1, 1, 1, 0), (Field(lastSection, "công nghệ thông tin"), Field(lastSection, "khoa học và công nghệ"), Field(lastSection, Health), Field(lastSection, "khác")));
        var firstSection = Section(data, first);
        Assert.Equal((1, 1, 0, 0), (Field(firstSection, Health), Field(firstSection, "khác"), Field(firstSection, "công nghệ thông tin"), Field(firstSection, "none")));
        int Cross(string stance, string field) => data.GetProperty("byStanceAndField").GetProperty(stance).GetProperty(field).GetInt32();
        Assert.Equal((1, 1, 1, 1, 1, 0), (Cross("agree", Health), Cross("add", Health), Cross("amend", "công nghệ thông tin"), Cross("amend", "khoa học và công nghệ"),
            Cross("disagree", "khác"), Cross("agree", "khác")));
        Assert.True(data.GetProperty("field").ValueKind == JsonValueKind.Null);
        Assert.StartsWith("Mục II.1: Hoàn thiện thể chế", lastSection.GetProperty("label").GetString());
    }

    [Fact]
    public async Task The_field_filter_narrows_the_heat_map_but_not_the_totals()
    {
        var (id, first, last) = await Consultation();
        var official = await app.As("official");

        var data = await Json(await official.GetAsync($"/api/consultations/{id}/dashboard?field={Uri.EscapeDataString("Y TẾ")}"));

        Assert.Equal(Health, data.GetProperty("field").GetString());
        var lastSection = Section(data, last);
        Assert.Equal((1, 1, 0), (lastSection.GetProperty("feedback").GetInt32(), lastSection.GetProperty("byStance").GetProperty("agree").GetInt32(),
            lastSection.GetProperty("byStance").GetProperty("amend").GetInt32()));
        var firstSection = Section(data, first);
        Assert.Equal((1, 1, 0), (firstSection.GetProperty("feedback").GetInt32(), firstSection.GetProperty("byStance").GetProperty("add").GetInt32(),
            firstSection.GetProperty("byStance").GetProperty("disagree").GetInt32()));
        Assert.Equal(0, data.GetProperty("byStanceAndField").GetProperty("disagree").GetProperty("khác").GetInt32());
        Assert.Equal(4, data.GetProperty("items").GetInt32());

        var bad = await official.GetAsync($"/api/consultations/{id}/dashboard?field=astrology");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("field", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).GetAsync($"/api/consultations/{id}/dashboard?field=y%20t%E1%BA%BF")).StatusCode);
    }
}
