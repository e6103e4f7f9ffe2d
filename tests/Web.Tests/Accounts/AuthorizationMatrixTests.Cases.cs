using System.Net;
using static Nq45Consult.Web.Tests.Accounts.Who;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>The seeded case, API and page: its agency's official, moderators, admins and its council see it; anyone else learns nothing of it.</summary>
public partial class AuthorizationMatrixTests
{
    private const Who CaseReaders = Moderator | Official | Admin | OtherExpert;

    /// <summary>Signed in and not following the seeded case: a reviewer's route answers them 404, not a refusal.</summary>
    private const Who NotOnTheCase = SignedIn & ~CaseReaders;

    [Fact]
    public async Task A_case_answers_404_to_everyone_not_involved_and_is_listed_only_to_those_involved()
    {
        var wrong = new List<string>();
        foreach (var who in Order)
        {
            var browser = await app.Browser(who);
            var involved = CaseReaders.HasFlag(who);
            var api = await app.Client(who).GetAsync($"/api/cases/{app.CaseId}");
            var page = await browser.GetAsync($"/cases/{app.CaseId}");
            foreach (var (where, response) in new[] { ("api", api), ("page", page) })
                if (response.StatusCode != (involved ? HttpStatusCode.OK : HttpStatusCode.NotFound)) wrong.Add($"{where} as {who}: {response.StatusCode}");
            foreach (var (where, text) in new[] { ("list", await app.Client(who).GetStringAsync("/api/cases")), ("list page", await browser.GetStringAsync("/cases")) })
                if (text.Contains(AuthorizationMatrixApp.CaseSubject, StringComparison.Ordinal) != involved) wrong.Add($"{where} as {who}: listed {!involved}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
