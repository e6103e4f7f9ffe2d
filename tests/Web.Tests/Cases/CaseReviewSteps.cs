using System.Net.Http.Json;
using System.Text.Json;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Cases;

/// <summary>The set-up the review tests share: an accepted critique case with both reviewers seated, through the routes.</summary>
public static class CaseReviewSteps
{
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An accepted critique case of a new consultation with expert2 as first reviewer and expert3 as second, both seated; the draft's chapters.</summary>
    public static async Task<(Guid Case, Guid Consultation, IReadOnlyList<string> Chapters)> CaseWithReviewers(FeedbackFixture app, string subject)
    {
        var (consultation, sections) = await app.Consultation();
        var moderator = await app.As("moderator");
        var id = (await Ok(await (await app.As("official")).PostAsJsonAsync("/api/cases",
            new { kind = "critique", subject, consultationId = consultation, dueAt = DateTimeOffset.UtcNow.AddDays(30) })))
            .GetProperty("id").GetGuid();
        await Ok(await moderator.PostAsync($"/api/cases/{id}/accept", null));
        foreach (var (expert, role) in new[] { ("expert2", "first-reviewer"), ("expert3", "second-reviewer") })
        {
            var candidates = await Ok(await moderator.GetAsync($"/api/cases/{id}/candidates?q={expert}"));
            var profileId = candidates.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == expert).GetProperty("profileId").GetGuid();
            var seat = (await Ok(await moderator.PostAsJsonAsync($"/api/cases/{id}/council", new { profileId, role }))).GetProperty("id").GetGuid();
            await Ok(await (await app.As(expert)).PostAsync($"/api/cases/{id}/council/{seat}/accept", null));
        }
        return (id, consultation, [.. sections.Where(s => s.ParentAnchor is null).Select(s => s.Anchor)]);
    }
}
