using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Counting;
using Nq45Consult.Consultation.Review;

namespace Nq45Consult.Consultation.Tests.Feedback;

/// <summary>What an item adds to the counters after each kind of event (the deltas are the difference of two of these).</summary>
public class CountedItemTests
{
    private static readonly Guid Consultation = Guid.NewGuid();
    private static readonly Guid Id = Guid.NewGuid();

    private static FeedbackSubmitted Submitted(string? anchor = "II-1") => new(Id, Consultation, 1, anchor,
        new FeedbackContent(null, Stance.Amend, null, "Lý do.", [], Attribution.Named),
        new AuthorSnapshot("expert1", "TS. A", Fields: ["y tế"]), Given.Now.AddHours(20)); // 05:00 next day in Vietnam

    private static CountedItem? After(params object[] events) => CountedItem.Of(events.Aggregate((FeedbackState?)null, FeedbackState.After));

    [Fact]
    public void A_submission_counts_under_its_section_stance_author_and_Vietnamese_day()
    {
        var counted = After(Submitted());
        Assert.NotNull(counted);
        Assert.Equal(("II-1", Stance.Amend, false, "EXPERT1"), (counted.Anchor, counted.Stance, counted.Responded, counted.Author));
        Assert.Equal(["y tế"], counted.Fields);
        Assert.Equal(new DateOnly(2026, 3, 3), counted.Day);
        Assert.Equal("", After(Submitted(anchor: null))!.Anchor);
    }

    [Fact]
    public void Revising_moves_the_stance_responding_marks_it_answered_and_withdrawing_or_hiding_removes_it()
    {
        var revised = new FeedbackRevised(Id, new FeedbackContent(null, Stance.Disagree, null, "Mới.", [], Attribution.Named), "expert1", Given.Now);
        Assert.Equal(Stance.Disagree, After(Submitted(), revised)!.Stance);
        var responded = new FeedbackResponded(Id, Consultation, ResponseDecision.Accepted, null, null, "official", Given.Now);
        Assert.True(After(Submitted(), responded)!.Responded);
        Assert.Null(After(Submitted(), new FeedbackWithdrawn(Id, "expert1", Given.Now)));
        var hidden = new FeedbackHidden(Id, Consultation, ModerationCategory.Spam, "Quảng cáo.", "moderator", Given.Now);
        Assert.Null(After(Submitted(), hidden));
        var restored = new FeedbackRestored(Id, Consultation, ModerationCategory.Spam, "Nhầm.", "moderator", Given.Now);
        var submitted = Submitted();
        Assert.Equal(After(submitted), After(submitted, hidden, restored));
        Assert.Equal(After(submitted), After(submitted, new FeedbackReported(Id, "Sai.", "expert2", Given.Now)));
    }
}
