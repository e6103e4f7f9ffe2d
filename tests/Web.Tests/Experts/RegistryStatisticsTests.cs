using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>Statistics over the seeded demo profiles (known data), participation and invitations by field and association.</summary>
public sealed class RegistryStatisticsTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static int CountOf(JsonElement counts, string key) =>
        counts.EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("value").GetInt32();

    [Fact]
    public async Task Statistics_count_the_seeded_experts_and_measure_progress_against_the_2030_targets()
    {
        // Demo seeding: expert1 PGS.TS in CNTT + KH&CN (Hội Tin học), expert2 TS in y tế (Hội Y học), expert3 ĐH, out of province.
        var stats = await (await (await app.As("moderator")).GetAsync("/api/experts/stats")).JsonAsync();
        Assert.Equal(3, stats.GetProperty("total").GetInt32());
        Assert.Equal(2, CountOf(stats.GetProperty("byDegree"), "ts"));
        Assert.Equal(1, CountOf(stats.GetProperty("byDegree"), "bachelor"));
        Assert.Equal(1, CountOf(stats.GetProperty("byTitle"), "pgs"));
        Assert.Equal(1, CountOf(stats.GetProperty("byField"), "y tế"));
        Assert.Equal(1, CountOf(stats.GetProperty("byField"), "công nghệ thông tin"));
        Assert.Equal(1, CountOf(stats.GetProperty("byAssociation"), "none"));
        Assert.Equal(2, CountOf(stats.GetProperty("byProvince"), "in-province"));
        Assert.Equal(1, CountOf(stats.GetProperty("byProvince"), "out-of-province"));

        var targets = stats.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        Assert.Equal(90_000, targets["university-graduates"].GetProperty("target").GetDouble());
        Assert.Equal(3, targets["university-graduates"].GetProperty("current").GetDouble());
        Assert.Equal(0.5, targets["doctorate-share"].GetProperty("target").GetDouble());
        Assert.Equal(66.67, targets["doctorate-share"].GetProperty("current").GetDouble());
        Assert.Equal(12, targets["master-share"].GetProperty("target").GetDouble());
        Assert.Equal(JsonValueKind.Null, targets["science-enterprises"].GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Inviting_by_field_and_by_association_records_the_matching_experts_who_then_see_it_at_home()
    {
        var (id, _) = await app.Consultation(audience: "invited");
        var moderator = await app.As("moderator");

        var unknown = await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { fields = new[] { "thiên văn" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("fields", out _));
        var noAssociation = await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { associations = new[] { "Hội Không Có" } });
        Assert.True((await noAssociation.JsonAsync()).GetProperty("errors").TryGetProperty("associations", out _));

        (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { fields = new[] { "y tế" } })).EnsureSuccessStatusCode();
        (await moderator.PostAsJsonAsync($"/api/consultations/{id}/invitations", new { associations = new[] { "hoi tin hoc tinh" } })).EnsureSuccessStatusCode();

        var history = await (await moderator.GetAsync($"/api/consultations/{id}/history")).Content.ReadAsStringAsync();
        Assert.Contains("expert2", history);
        Assert.Contains("expert1", history);
        Assert.DoesNotContain("expert3", history);

        var participation = await (await moderator.GetAsync("/api/experts/participation")).JsonAsync();
        var invited = participation.EnumerateArray().ToDictionary(p => p.GetProperty("userName").GetString()!, p => p.GetProperty("consultationsInvited").GetInt32());
        Assert.True(invited["expert1"] >= 1);
        Assert.True(invited["expert2"] >= 1);
        Assert.Equal(0, invited["expert3"]);

        var title = (await (await moderator.GetAsync($"/api/consultations/{id}")).JsonAsync()).GetProperty("title").GetString()!;
        // Everyone sees an open consultation under "open now"; only the invited see it among their invitations.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), await Invitations("expert2"));
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(title), await Invitations("expert3"));
    }

    private async Task<string> Invitations(string userName)
    {
        var home = await (await app.As(userName)).GetStringAsync("/");
        var start = home.IndexOf("<section aria-labelledby=\"my-invitations\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the home page lists the expert's invitations");
        return home[start..home.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
