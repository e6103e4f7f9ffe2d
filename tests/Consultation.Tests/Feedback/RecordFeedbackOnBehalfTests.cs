using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Recording;

namespace Nq45Consult.Consultation.Tests.Feedback;

/// <summary>A moderator records a comment received outside the platform, with where it came from.</summary>
public class RecordFeedbackOnBehalfTests
{
    private static readonly ProvenanceInput Letter = new("paper-letter", " Sở Tư pháp tỉnh ", "125/STP-VB", "2026-02-27");

    private static RecordFeedbackOnBehalf Command(Caller? caller = null, ProvenanceInput? provenance = null, string? anchor = "II-1") =>
        new(Guid.NewGuid(), anchor, Given.Input(), provenance ?? Letter, caller ?? Given.Moderator);

    [Fact]
    public void The_item_is_the_senders_with_its_provenance()
    {
        var target = Given.Consultation();
        var id = Guid.NewGuid();
        var decision = RecordFeedbackOnBehalf.Decide(target, id, Command(), Given.Now);
        Assert.Equal(2, decision.Events.Count);
        var submitted = Assert.IsType<FeedbackSubmitted>(decision.Events[0]);
        Assert.Equal((id, "II-1", "Sở Tư pháp tỉnh", "on-behalf:so-tu-phap-tinh"),
            (submitted.FeedbackId, submitted.SectionAnchor, submitted.Author.DisplayName, submitted.Author.UserName));
        var recorded = Assert.IsType<FeedbackRecordedOnBehalf>(decision.Events[1]);
        Assert.Equal(new FeedbackProvenance(ProvenanceKind.PaperLetter, "Sở Tư pháp tỉnh", "125/STP-VB", new DateOnly(2026, 2, 27)), recorded.Provenance);
        Assert.Equal("moderator", recorded.RecordedBy);
        Assert.Equal("Góp ý bằng văn bản của Sở Tư pháp tỉnh (văn bản số 125/STP-VB), nhận ngày 27/02/2026", recorded.Provenance.Describe("Sở Tư pháp tỉnh"));
    }

    [Fact]
    public void Letters_are_recorded_after_the_close_but_not_before_the_opening_and_only_by_moderators()
    {
        Assert.True(RecordFeedbackOnBehalf.Decide(Given.Consultation(ConsultationStatus.Closed), Guid.NewGuid(), Command(), Given.Now).Accepted);
        Assert.Equal(Refusal.Conflict, RecordFeedbackOnBehalf.Decide(Given.Consultation(ConsultationStatus.Draft), Guid.NewGuid(), Command(), Given.Now).Refusal);
        Assert.Equal(Refusal.Forbidden, RecordFeedbackOnBehalf.Decide(Given.Consultation(), Guid.NewGuid(), Command(Given.Expert), Given.Now).Refusal);
        Assert.Equal(Refusal.Forbidden, RecordFeedbackOnBehalf.Decide(Given.Consultation(), Guid.NewGuid(), Command(Given.Official), Given.Now).Refusal);
    }

    [Fact]
    public void Bad_provenance_names_each_field()
    {
        var bad = RecordFeedbackOnBehalf.Decide(Given.Consultation(), Guid.NewGuid(),
            Command(provenance: new ProvenanceInput("fax", "", new string('1', FeedbackProvenance.MaxReferenceLength + 1), "2026-03-03")), Given.Now);
        Assert.Equal(Refusal.Invalid, bad.Refusal);
        Assert.Equal(["provenance.documentReference", "provenance.kind", "provenance.receivedOn", "provenance.sender"], bad.Errors.Keys.Order());
        var noSection = RecordFeedbackOnBehalf.Decide(Given.Consultation(), Guid.NewGuid(), Command(anchor: "IX"), Given.Now);
        Assert.Equal(["sectionAnchor"], noSection.Errors.Keys);
    }
}
