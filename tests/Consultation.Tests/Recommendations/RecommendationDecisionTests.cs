using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Recommendations;
using Nq45Consult.Consultation.Recommendations.Answering;
using Nq45Consult.Consultation.Recommendations.Moderating;
using Nq45Consult.Consultation.Recommendations.Routing;
using Nq45Consult.Consultation.Recommendations.Submitting;
using Nq45Consult.Consultation.Recommendations.Supporting;

namespace Nq45Consult.Consultation.Tests.Recommendations;

public class RecommendationDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Moderator = Caller.Of("moderator", "Người kiểm duyệt", Role.Moderator);
    private static readonly Caller Expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);
    private static readonly Caller Official = Caller.Of("official", "Cán bộ", Role.Official);

    private static Recommendation Made(string? agency = null, string? answer = null, bool hidden = false) =>
        new(Guid.NewGuid(), "Chuyển đổi số y tế", ["y tế"], "Cần một kho dữ liệu chung.", Attribution.Anonymous,
            new AuthorSnapshot("expert1", "Chuyên gia"), Now.AddDays(-5), hidden, null, agency, agency is null ? null : Now.AddDays(10), agency is null ? null : "moderator",
            answer, answer is null ? null : Now);

    [Fact]
    public void Only_an_expert_recommends_and_bad_input_names_each_field()
    {
        var ok = new SubmitRecommendation(" Chủ đề ", ["y tế", "Y tế", "dược"], "Nội dung", "anonymous", Expert);
        var accepted = SubmitRecommendation.Decide(ok, null, Guid.NewGuid(), Now);
        var submitted = Assert.IsType<RecommendationSubmitted>(Assert.Single(accepted.Events));
        Assert.Equal("Chủ đề", submitted.Topic);
        Assert.Equal(["y tế", "dược"], submitted.Fields);
        Assert.Equal(Attribution.Anonymous, submitted.Attribution);

        Assert.Equal(Refusal.Forbidden, SubmitRecommendation.Decide(ok with { Author = Moderator }, null, Guid.NewGuid(), Now).Refusal);
        var bad = SubmitRecommendation.Decide(new SubmitRecommendation(" ", [.. Enumerable.Repeat("x", 11)], null, "loud", Expert), null, Guid.NewGuid(), Now);
        Assert.Equal(Refusal.Invalid, bad.Refusal);
        Assert.Equal(["attribution", "fields", "text", "topic"], bad.Errors.Keys.Order());
    }

    private static readonly Agency Health = new(Guid.NewGuid(), "Sở Y tế", "so y te", false);

    [Fact]
    public void Routing_names_an_active_agency_and_sets_the_deadline_from_the_setting()
    {
        var recommendation = Made();
        var routed = Assert.IsType<RecommendationRouted>(Assert.Single(RouteRecommendation.Decide(recommendation, Health, new(recommendation.Id, Health.Id, Moderator), 7, Now).Events));
        Assert.Equal(("Sở Y tế", Health.Id, Now.AddDays(7)), (routed.Agency, routed.AgencyId, routed.DueAt));
        Assert.Equal(Refusal.Forbidden, RouteRecommendation.Decide(recommendation, Health, new(recommendation.Id, Health.Id, Official), 7, Now).Refusal);
        Assert.Equal("agencyId", RouteRecommendation.Decide(recommendation, null, new(recommendation.Id, null, Moderator), 7, Now).Field);
        Assert.Equal("agencyId", RouteRecommendation.Decide(recommendation, null, new(recommendation.Id, Guid.NewGuid(), Moderator), 7, Now).Field);
        var retired = Health with { Retired = true };
        Assert.Equal("agencyId", RouteRecommendation.Decide(recommendation, retired, new(recommendation.Id, retired.Id, Moderator), 7, Now).Field);
        Assert.Empty(RouteRecommendation.Decide(Made("Sở Y tế") with { AgencyId = Health.Id }, Health, new(recommendation.Id, Health.Id, Moderator), 7, Now).Events);
    }

    [Fact]
    public void Only_an_official_of_the_agency_it_is_routed_to_answers_and_only_once()
    {
        var recommendation = Made();
        var routed = Made("Sở Y tế") with { AgencyId = Health.Id };
        var ours = Official with { AgencyId = Health.Id };
        var theirs = Official with { AgencyId = Guid.NewGuid() };
        Assert.Equal(Refusal.Conflict, AnswerRecommendation.Decide(recommendation, new(recommendation.Id, "Đã xem xét.", ours), Now).Refusal);
        Assert.Single(AnswerRecommendation.Decide(routed, new(routed.Id, "Đã xem xét.", ours), Now).Events);
        Assert.Equal(Refusal.Forbidden, AnswerRecommendation.Decide(routed, new(routed.Id, "Đã xem xét.", theirs), Now).Refusal);
        Assert.Equal(Refusal.Forbidden, AnswerRecommendation.Decide(routed, new(routed.Id, "Đã xem xét.", Official), Now).Refusal);
        // Routed by name only, before agencies existed: any official answers, as then.
        Assert.Single(AnswerRecommendation.Decide(Made("Sở Y tế"), new(recommendation.Id, "Đã xem xét.", theirs), Now).Events);
        Assert.Equal(Refusal.Conflict, AnswerRecommendation.Decide(routed with { Answer = "Đã trả lời." }, new(routed.Id, "Lần nữa.", ours), Now).Refusal);
        Assert.Equal(Refusal.Forbidden, AnswerRecommendation.Decide(routed, new(routed.Id, "Đã xem xét.", Expert), Now).Refusal);
        Assert.Equal(Refusal.NotFound, AnswerRecommendation.Decide(null, new(recommendation.Id, "Đã xem xét.", ours), Now).Refusal);
    }

    [Fact]
    public void A_hidden_recommendation_is_restored_with_a_reason_and_takes_no_support_meanwhile()
    {
        var hidden = Made(hidden: true);
        Assert.Equal("reason", ModerateRecommendation.Decide(hidden, new(hidden.Id, "restore", " ", Moderator), Now).Field);
        Assert.Equal(Refusal.Conflict, ModerateRecommendation.Decide(hidden, new(hidden.Id, "hide", "Lặp lại.", Moderator), Now).Refusal);
        Assert.IsType<RecommendationRestored>(Assert.Single(ModerateRecommendation.Decide(hidden, new(hidden.Id, "restore", "Đã xem lại.", Moderator), Now).Events));
        Assert.Equal(Refusal.NotFound, SupportRecommendation.Decide(hidden, null, new(hidden.Id, Expert), Now).Refusal);

        var shown = Made();
        Assert.Single(SupportRecommendation.Decide(shown, null, new(shown.Id, Expert), Now).Events);
        var existing = new RecommendationSupport(RecommendationIds.SupportOf(shown.Id, "expert1"), shown.Id, "expert1", Now);
        Assert.Empty(SupportRecommendation.Decide(shown, existing, new(shown.Id, Expert), Now).Events);
        Assert.Equal(Refusal.Forbidden, SupportRecommendation.Decide(shown, null, new(shown.Id, Official), Now).Refusal);
        Assert.True(Made("Sở Y tế").IsOverdue(Now.AddDays(11)));
        Assert.False(Made("Sở Y tế", "Đã trả lời.").IsOverdue(Now.AddDays(11)));
    }
}
