using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Consultation.Feedback.Reporting;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Feedback.Withdrawing;

namespace Nq45Consult.Consultation.Tests.Feedback;

public class ItemDecisionTests
{
    [Fact]
    public void The_author_revises_while_open_and_nobody_else_may()
    {
        var item = Given.Item();
        var revised = ReviseFeedback.Decide(item, Given.Consultation(), new(item.Id, Given.Input(stance: "disagree"), Given.Expert), Given.Now);
        Assert.Equal(Stance.Disagree, Assert.IsType<FeedbackRevised>(Assert.Single(revised.Events)).Content.Stance);

        Assert.Equal(Refusal.Forbidden, ReviseFeedback.Decide(item, Given.Consultation(), new(item.Id, Given.Input(), Given.OtherExpert), Given.Now).Refusal);
        Assert.Equal(Refusal.Conflict, ReviseFeedback.Decide(item, Given.Consultation(ConsultationStatus.Closed), new(item.Id, Given.Input(), Given.Expert), Given.Now).Refusal);
        Assert.Equal(Refusal.Conflict, ReviseFeedback.Decide(Given.Item(withdrawn: true), Given.Consultation(), new(item.Id, Given.Input(), Given.Expert), Given.Now).Refusal);
    }

    [Fact]
    public void A_revision_is_validated_like_a_submission() =>
        Assert.Contains("quote", ReviseFeedback.Decide(Given.Item(), Given.Consultation(), new(Guid.NewGuid(), Given.Input(quote: new("xyz", 0, 3)), Given.Expert), Given.Now).Errors.Keys);

    [Fact]
    public void The_author_withdraws_once_while_open()
    {
        var item = Given.Item();
        Assert.IsType<FeedbackWithdrawn>(Assert.Single(WithdrawFeedback.Decide(item, Given.Consultation(), new(item.Id, Given.Expert), Given.Now).Events));
        Assert.Equal(Refusal.Forbidden, WithdrawFeedback.Decide(item, Given.Consultation(), new(item.Id, Given.OtherExpert), Given.Now).Refusal);
        Assert.Equal(Refusal.Conflict, WithdrawFeedback.Decide(Given.Item(withdrawn: true), Given.Consultation(), new(item.Id, Given.Expert), Given.Now).Refusal);
        Assert.Equal(Refusal.Conflict, WithdrawFeedback.Decide(item, Given.Consultation(ConsultationStatus.Closed), new(item.Id, Given.Expert), Given.Now).Refusal);
    }

    [Fact]
    public void An_expert_reports_an_item_once_with_a_reason()
    {
        var item = Given.Item();
        var reported = ReportFeedback.Decide(item, new(item.Id, "Thông tin cá nhân", Given.OtherExpert), Given.Now);
        Assert.Equal("expert2", Assert.IsType<FeedbackReported>(Assert.Single(reported.Events)).ReportedBy);

        Assert.Contains("reason", ReportFeedback.Decide(item, new(item.Id, " ", Given.OtherExpert), Given.Now).Errors.Keys);
        var again = item.Apply((FeedbackReported)reported.Events[0]);
        Assert.Equal(Refusal.Conflict, ReportFeedback.Decide(again, new(item.Id, "Lần nữa", Given.OtherExpert), Given.Now).Refusal);
        Assert.Equal(Refusal.Forbidden, ReportFeedback.Decide(item, new(item.Id, "x", Given.Official), Given.Now).Refusal);
    }

    [Fact]
    public void A_report_carries_a_category_other_by_default_and_a_bad_one_is_named()
    {
        var item = Given.Item();
        var spam = ReportFeedback.Decide(item, new(item.Id, "Quảng cáo", Given.OtherExpert, "spam"), Given.Now);
        Assert.Equal(ModerationCategory.Spam, Assert.IsType<FeedbackReported>(Assert.Single(spam.Events)).Category);
        var plain = ReportFeedback.Decide(item, new(item.Id, "Không rõ", Given.OtherExpert), Given.Now);
        Assert.Equal(ModerationCategory.Other, Assert.IsType<FeedbackReported>(Assert.Single(plain.Events)).Category);
        Assert.Equal(["category"], ReportFeedback.Decide(item, new(item.Id, "x", Given.OtherExpert, "rude"), Given.Now).Errors.Keys);
    }

    [Fact]
    public void Nobody_reports_their_own_item_nor_a_withdrawn_or_hidden_one()
    {
        var item = Given.Item();
        Assert.Equal(Refusal.Forbidden, ReportFeedback.Decide(item, new(item.Id, "Tự báo cáo", Given.Expert), Given.Now).Refusal);
        Assert.Equal(Refusal.NotFound, ReportFeedback.Decide(Given.Item(withdrawn: true), new(item.Id, "x", Given.OtherExpert), Given.Now).Refusal);
        Assert.Equal(Refusal.NotFound, ReportFeedback.Decide(Given.Item(hidden: true), new(item.Id, "x", Given.OtherExpert), Given.Now).Refusal);
    }

    [Fact]
    public void A_moderator_hides_and_restores_with_a_category_and_a_reason()
    {
        var item = Given.Item();
        var hide = ModerateFeedback.Decide(item, new(item.Id, "hide", "personal-data", "Lộ số điện thoại", Given.Moderator), Given.Now);
        var hidden = Assert.IsType<FeedbackHidden>(Assert.Single(hide.Events));
        Assert.Equal(ModerationCategory.PersonalData, hidden.Category);

        var state = item.Apply(hidden);
        Assert.Equal(Refusal.Conflict, ModerateFeedback.Decide(state, new(item.Id, "hide", "spam", "x", Given.Moderator), Given.Now).Refusal);
        Assert.IsType<FeedbackRestored>(Assert.Single(ModerateFeedback.Decide(state, new(item.Id, "restore", "other", "Đã xoá số", Given.Moderator), Given.Now).Events));
        Assert.Equal(Refusal.Conflict, ModerateFeedback.Decide(item, new(item.Id, "restore", "other", "x", Given.Moderator), Given.Now).Refusal);
    }

    [Fact]
    public void Moderation_without_a_category_as_api_v1_sends_it_is_filed_under_other()
    {
        var item = Given.Item();
        var hide = ModerateFeedback.Decide(item, new(item.Id, "hide", null, "Lạc đề", Given.Moderator), Given.Now);
        Assert.Equal(ModerationCategory.Other, Assert.IsType<FeedbackHidden>(Assert.Single(hide.Events)).Category);
        Assert.Equal(["category"], ModerateFeedback.Decide(item, new(item.Id, "hide", "", "Lạc đề", Given.Moderator), Given.Now).Errors.Keys);
    }

    [Fact]
    public void Moderation_needs_a_moderator_a_known_action_a_category_and_a_reason()
    {
        var item = Given.Item();
        Assert.Equal(Refusal.Forbidden, ModerateFeedback.Decide(item, new(item.Id, "hide", "spam", "x", Given.Expert), Given.Now).Refusal);
        var bad = ModerateFeedback.Decide(item, new(item.Id, "delete", "rude", "", Given.Moderator), Given.Now);
        Assert.Equal(["action", "category", "reason"], bad.Errors.Keys.Order());
    }
}
