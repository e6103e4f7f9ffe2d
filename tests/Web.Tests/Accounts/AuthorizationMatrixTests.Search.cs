using System.Net;
using static Nq45Consult.Web.Tests.Accounts.Who;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>The search's answers, API and page, for words that find the seeded sensitive data.</summary>
public partial class AuthorizationMatrixTests
{
    [Fact]
    public async Task The_search_finds_for_each_role_only_what_it_may_see()
    {
        // The seeded items' argument (one anonymous, one by an unconsenting author), and the unopened draft's text.
        string[] queries = ["q=lo%20trinh%20cu%20the&pageSize=50", $"q=pham%20vi&consultation=du-thao-chua-mo"];
        var wrong = new List<string>();
        foreach (var who in Order)
        {
            var browser = await app.Browser(who);
            foreach (var query in queries)
            {
                foreach (var (client, path) in new[] { (app.Client(who), $"/api/search?{query}"), (browser, $"/search?{query}") })
                {
                    var response = await client.GetAsync(path);
                    if (response.StatusCode != HttpStatusCode.OK) wrong.Add($"GET {path} as {who}: {(int)response.StatusCode}");
                    var text = await Text(response);
                    // Moderators see the author's name instead (checked below: AssertSeen).
                    if (query.StartsWith("q=lo", StringComparison.Ordinal) && !IsModerator(who)
                        && !text.Contains(Consultation.Feedback.FeedbackItem.AnonymousName, StringComparison.Ordinal))
                        wrong.Add($"GET {path} as {who}: the anonymous item was not found");
                    wrong.AddRange(Leaks($"GET {path}", who, text));
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        AssertSeen(AuthorName, UnnamedName, DraftTitleSecret);
    }
}
