using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Addressing;
using Nq45Consult.Consultation.Review.Carrying;
using Given = Nq45Consult.Consultation.Tests.Feedback.Given;

namespace Nq45Consult.Consultation.Tests.Review;

public class MarkFeedbackAddressedTests
{
    /// <summary>The item is on version 1; the consultation is at version 3.</summary>
    private static Decision Mark(int? version, Caller? by = null, FeedbackState? item = null,
        ConsultationStatus status = ConsultationStatus.Open, Guid? draftingAgency = null) =>
        MarkFeedbackAddressed.Decide(item ?? Given.Item(), Given.Consultation(status) with { Version = 3, DraftingAgencyId = draftingAgency },
            new(Guid.Empty, version, by ?? Given.Official), Given.Now);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_later_version_up_to_the_current_one_is_recorded_with_who_and_when(int version)
    {
        var item = Given.Item();
        var marked = Assert.IsType<FeedbackAddressedInVersion>(Assert.Single(Mark(version, item: item).Events));
        Assert.Equal((item.Id, item.ConsultationId, version, "official", Given.Now),
            (marked.FeedbackId, marked.ConsultationId, marked.Version, marked.AddressedBy, marked.AddressedAt));
        Assert.True(Mark(version, Given.Moderator).Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(4)]
    public void The_item_s_own_version_an_earlier_one_or_one_not_published_names_the_version(int? version)
    {
        var refused = Mark(version);
        Assert.Equal(Refusal.Invalid, refused.Refusal);
        Assert.Equal(["version"], refused.Errors.Keys);
    }

    [Fact]
    public void Experts_and_officials_of_another_agency_may_not_mark()
    {
        Assert.Equal(Refusal.Forbidden, Mark(2, Given.Expert).Refusal);
        Assert.Equal(Refusal.Forbidden, Mark(2, Given.Official, draftingAgency: Guid.NewGuid()).Refusal);
        Assert.True(Mark(2, Given.Moderator, draftingAgency: Guid.NewGuid()).Accepted);
    }

    [Fact]
    public void Withdrawn_or_hidden_items_and_published_responses_are_conflicts()
    {
        Assert.Equal(Refusal.Conflict, Mark(2, item: Given.Item(withdrawn: true)).Refusal);
        Assert.Equal(Refusal.Conflict, Mark(2, item: Given.Item(hidden: true)).Refusal);
        Assert.Equal(Refusal.Conflict, Mark(2, status: ConsultationStatus.Responded).Refusal);
    }

    [Fact]
    public void A_quote_is_found_in_its_section_first_then_anywhere_else_or_not_at_all()
    {
        SectionSnapshot Section(string anchor, string text) => new(anchor, "1.", "Mục", text, $"<p>{text}</p>", null, 0, 1);
        IReadOnlyList<SectionSnapshot> sections = [Section("I-1", "hạ tầng số và dữ liệu"), Section("I-2", "dữ liệu mở")];

        Assert.Equal(new QuotePlace("I-2", 0, 7), CarriedFeedback.Relocate("dữ liệu", "I-2", sections));
        Assert.Equal(new QuotePlace("I-1", 14, 21), CarriedFeedback.Relocate("dữ liệu", "I-1", sections));
        Assert.Equal(new QuotePlace("I-2", 8, 10), CarriedFeedback.Relocate("mở", null, sections));
        Assert.False(CarriedFeedback.Relocate("hiện đại", "I-1", sections).Found);
    }
}
