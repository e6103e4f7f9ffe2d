using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nq45Consult.Web.Tests.Feedback;

/// <summary>The counters must be exact with many writers at once (the inline multi-stream trap of field-notes).</summary>
public class ConcurrentCountersTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task Eight_parallel_writers_of_25_submissions_each_are_counted_exactly_200()
    {
        const int writers = 8, each = 25;
        var (consultation, sections) = await app.Consultation();
        var users = new[] { "expert1", "expert2", "expert3" };
        var clients = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => app.As(users[w % users.Length])));

        var statuses = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < each; i++)
            {
                var anchor = sections[(w + i) % sections.Count].Anchor;
                var stance = i % 2 == 0 ? "agree" : "amend";
                codes.Add((await clients[w].PostAsJsonAsync($"/api/consultations/{consultation}/feedback", FeedbackFixture.Feedback(anchor, stance: stance))).StatusCode);
            }
            return codes;
        }));

        Assert.All(statuses.SelectMany(c => c), code => Assert.Equal(HttpStatusCode.Created, code));
        var summary = await (await app.As(null)).GetFromJsonAsync<JsonElement>($"/api/consultations/{consultation}/summary");
        var totals = summary.GetProperty("totals");
        Assert.Equal(writers * each, totals.GetProperty("feedback").GetInt32());
        Assert.Equal(3, totals.GetProperty("participants").GetInt32());
        Assert.Equal(writers * 13, totals.GetProperty("byStance").GetProperty("agree").GetInt32());
        Assert.Equal(writers * each, summary.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("feedback").GetInt32()));
    }
}
