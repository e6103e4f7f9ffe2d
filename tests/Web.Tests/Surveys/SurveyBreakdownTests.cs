using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Surveys;

/// <summary>
/// Results per field of expertise and per degree, from the demo profiles: expert1 TS (công nghệ thông tin, khoa học
/// và công nghệ), expert2 TS (y tế), expert3 ĐH (khác), and one expert without a profile.
/// </summary>
public class SurveyBreakdownTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static readonly object Questions = new
    {
        questions = new object[]
        {
            new { id = "role", kind = "single", text = "Vai trò?", options = new[] { "Nhà khoa học", "Quản lý", "Doanh nghiệp" }, required = true },
            new { id = "clarity", kind = "likert", text = "Dự thảo rõ ràng?", required = true },
            new { id = "comment", kind = "text", text = "Ý kiến khác", required = false },
        },
    };

    [Fact]
    public async Task Results_break_down_each_question_by_field_and_degree_as_profiles_said_when_answering()
    {
        var (id, _) = await app.Consultation();
        var moderator = await app.As("moderator");
        (await moderator.PutAsJsonAsync($"/api/consultations/{id}/survey", Questions)).EnsureSuccessStatusCode();
        var unprofiled = await app.Expert("khong-ho-so");
        foreach (var (user, chosen, score) in new[] { ("expert1", 0, 5), ("expert2", 1, 3), ("expert3", 0, 2), (unprofiled, 2, 4) })
            (await (await app.As(user)).PostAsJsonAsync($"/api/consultations/{id}/survey/responses",
                new { answers = new Dictionary<string, object> { ["role"] = chosen, ["clarity"] = score, ["comment"] = $"Ý kiến của {user}" } })).EnsureSuccessStatusCode();

        var results = await moderator.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}/survey/results");
        Assert.Equal(4, results.GetProperty("respondents").GetInt32());
        Assert.Equal([("TS", 2), ("ĐH", 1), (null, 1)],
            results.GetProperty("respondentsByDegree").EnumerateArray().Select(g => (g.GetProperty("group").GetString(), g.GetProperty("respondents").GetInt32())));
        var fields = results.GetProperty("respondentsByField").EnumerateArray().Select(g => (g.GetProperty("group").GetString(), g.GetProperty("respondents").GetInt32())).ToList();
        Assert.Equal(5, fields.Count);
        Assert.Equal((null, 1), fields[^1]);
        Assert.Contains(("y tế", 1), fields);

        var role = results.GetProperty("questions")[0];
        var roleByDegree = role.GetProperty("byDegree").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString() ?? "?");
        Assert.Equal([1, 1, 0], roleByDegree["TS"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal([50m, 50m, 0m], roleByDegree["TS"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("percent").GetDecimal()));
        Assert.Equal([0, 0, 1], roleByDegree["?"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        var roleByField = role.GetProperty("byField").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString() ?? "?");
        Assert.Equal([1, 0, 0], roleByField["công nghệ thông tin"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal([0, 1, 0], roleByField["y tế"].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));

        var clarity = results.GetProperty("questions")[1];
        var clarityByDegree = clarity.GetProperty("byDegree").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString() ?? "?");
        Assert.Equal(4m, clarityByDegree["TS"].GetProperty("mean").GetDecimal());
        Assert.Equal(2, clarityByDegree["TS"].GetProperty("answered").GetInt32());
        Assert.Equal(2m, clarityByDegree["ĐH"].GetProperty("mean").GetDecimal());
        Assert.Equal(1, clarityByDegree["ĐH"].GetProperty("distribution")[1].GetProperty("count").GetInt32());
        Assert.Equal(5m, clarity.GetProperty("byField").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "khoa học và công nghệ").GetProperty("mean").GetDecimal());

        // Free text is never broken down: a group of one would name its writer.
        var comment = results.GetProperty("questions")[2];
        Assert.Equal(JsonValueKind.Null, comment.GetProperty("byField").ValueKind);
        Assert.Equal(JsonValueKind.Null, comment.GetProperty("byDegree").ValueKind);

        var page = WebUtility.HtmlDecode(await moderator.GetStringAsync($"/surveys/{id}/results"));
        Assert.Contains("Theo lĩnh vực chuyên môn", page);
        Assert.Contains("Theo học vị", page);
        Assert.Contains("<th scope=\"row\">TS</th>", page);
        Assert.Contains("Chưa khai báo trong hồ sơ", page);
        Assert.Contains("<td>1 (50%)</td>", page);
    }
}
