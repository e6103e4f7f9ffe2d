using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Recommendations;

namespace Nq45Consult.Consultation.Tests.Recommendations;

public class RecommendationFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static RecommendationReading Reading(string? agency = null, string? answer = null, bool overdue = false, params string[] fields) =>
        new(new Recommendation(Guid.NewGuid(), "Chủ đề", fields, "Nội dung", Attribution.Named, new AuthorSnapshot("expert1", "Chuyên gia"), Now,
                false, null, agency, agency is null ? null : Now.AddDays(overdue ? -1 : 10), agency is null ? null : "moderator", answer, answer is null ? null : Now),
            0, false, overdue, false, [], false);

    [Fact]
    public void A_stage_matches_where_the_recommendation_stands_and_an_overdue_one_is_also_routed()
    {
        var submitted = Reading();
        var routed = Reading("Sở Y tế");
        var late = Reading("Sở Y tế", overdue: true);
        var answered = Reading("Sở Y tế", "Đã làm.");
        var all = new[] { submitted, routed, late, answered };

        string[] Matching(string status) => [.. all.Where(RecommendationFilter.Parse(status, null).Filter!.Matches).Select(r => Array.IndexOf(all, r).ToString())];

        Assert.Equal(["0"], Matching("submitted"));
        Assert.Equal(["1", "2"], Matching("routed"));
        Assert.Equal(["2"], Matching("Overdue"));
        Assert.Equal(["3"], Matching("answered"));
        Assert.Equal(["0", "1", "2", "3"], Matching(" "));
    }

    [Fact]
    public void A_field_matches_with_case_and_diacritics_ignored_and_bad_input_names_the_parameter()
    {
        var health = Reading(null, null, false, "Y tế", "Dược");
        var filter = RecommendationFilter.Parse(null, " y te ").Filter!;
        Assert.True(filter.Matches(health));
        Assert.False(filter.Matches(Reading(null, null, false, "Giáo dục")));
        Assert.False(filter.Matches(Reading()));

        var (none, errors) = RecommendationFilter.Parse("deleted", new string('x', Recommendation.MaxFieldLength + 1));
        Assert.Null(none);
        Assert.Equal(["field", "status"], errors.Keys.Order());
    }
}
