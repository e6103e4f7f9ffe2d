using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Responding;
using Given = Nq45Consult.Consultation.Tests.Feedback.Given;

namespace Nq45Consult.Consultation.Tests.Review;

public class RespondToFeedbackTests
{
    private static Decision Respond(
        string? decision, string? explanation, FeedbackState? item = null, ConsultationStatus status = ConsultationStatus.Closed, Caller? by = null) =>
        RespondToFeedback.Decide(item ?? Given.Item(), Given.Consultation(status), new(Guid.Empty, decision, explanation, by ?? Given.Official), Given.Now);

    [Theory]
    [InlineData("accepted", "", ResponseDecision.Accepted)]
    [InlineData("noted", null, ResponseDecision.Noted)]
    [InlineData("partially-accepted", "Tiếp thu ý 1, ý 2 đã có ở Điều 5.", ResponseDecision.PartiallyAccepted)]
    [InlineData("not-accepted", "Trái với Luật 64/2025.", ResponseDecision.NotAccepted)]
    public void Each_decision_is_recorded_with_who_and_when(string decision, string? explanation, ResponseDecision expected)
    {
        var item = Given.Item();
        var responded = Assert.IsType<FeedbackResponded>(Assert.Single(Respond(decision, explanation, item).Events));
        Assert.Equal((item.Id, item.ConsultationId, expected), (responded.FeedbackId, responded.ConsultationId, responded.Decision));
        Assert.Equal(("official", Given.Now), (responded.RespondedBy, responded.RespondedAt));
        Assert.Equal(string.IsNullOrEmpty(explanation) ? null : explanation, responded.Explanation);
    }

    [Theory]
    [InlineData("not-accepted", "  ")]
    [InlineData("partially-accepted", null)]
    public void An_explanation_is_required_where_the_law_asks_for_one(string decision, string? explanation)
    {
        var refused = Respond(decision, explanation);
        Assert.Equal(Refusal.Invalid, refused.Refusal);
        Assert.Equal(["explanation"], refused.Errors.Keys);
        Assert.Empty(refused.Events);
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("")]
    [InlineData(null)]
    public void A_decision_outside_the_list_names_the_field(string? decision) =>
        Assert.Equal(["decision"], Respond(decision, "Giải trình").Errors.Keys);

    [Fact]
    public void Withdrawn_and_hidden_items_are_not_answered()
    {
        Assert.Equal(Refusal.Conflict, Respond("noted", null, Given.Item(withdrawn: true)).Refusal);
        Assert.Equal(Refusal.Conflict, Respond("noted", null, Given.Item(hidden: true)).Refusal);
    }

    [Theory]
    [InlineData(ConsultationStatus.Draft)]
    [InlineData(ConsultationStatus.Open)]
    [InlineData(ConsultationStatus.Responded)]
    public void Only_a_closed_consultation_not_yet_published_takes_responses(ConsultationStatus status) =>
        Assert.Equal(Refusal.Conflict, Respond("accepted", null, status: status).Refusal);

    [Fact]
    public void Only_officials_respond()
    {
        Assert.Equal(Refusal.Forbidden, Respond("accepted", null, by: Given.Expert).Refusal);
        Assert.Equal(Refusal.Forbidden, Respond("accepted", null, by: Given.Moderator).Refusal);
    }

    [Fact]
    public void Where_the_consultation_names_its_agency_only_that_agencys_officials_respond()
    {
        var agency = Guid.CreateVersion7();
        var named = Given.Consultation(ConsultationStatus.Closed) with { DraftingAgencyId = agency };
        Decision By(Caller official) => RespondToFeedback.Decide(Given.Item(), named, new(Guid.Empty, "noted", null, official), Given.Now);

        Assert.IsType<FeedbackResponded>(Assert.Single(By(Given.Official with { AgencyId = agency }).Events));
        foreach (var other in new[] { Given.Official, Given.Official with { AgencyId = Guid.CreateVersion7() } })
        {
            var refused = By(other);
            Assert.Equal(Refusal.Forbidden, refused.Refusal);
            Assert.Empty(refused.Events);
        }
    }

    [Fact]
    public void Where_it_names_none_any_official_responds_as_before() =>
        Assert.True(Respond("noted", null, by: Given.Official with { AgencyId = Guid.CreateVersion7() }).Accepted);
}
