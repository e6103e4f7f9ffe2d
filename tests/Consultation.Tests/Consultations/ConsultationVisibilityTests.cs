using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Tests.Consultations;

public class ConsultationVisibilityTests
{
    private static ConsultationDetails In(ConsultationStatus status) => new(
        Guid.CreateVersion7(), "du-thao", "Dự thảo", "Tóm tắt", "Sở", DocumentType.Plan, [], Audience.Public,
        Given.Now, Given.Now.AddDays(30), status, 0, [], [], "moderator", Given.Now, null, null);

    private static readonly Caller Expert = Caller.Of("expert1", "Chuyên gia", Role.Expert);

    [Fact]
    public void A_draft_is_seen_by_moderators_only()
    {
        var draft = In(ConsultationStatus.Draft);
        Assert.True(draft.IsVisibleTo(Given.Moderator));
        Assert.False(draft.IsVisibleTo(null));
        Assert.False(draft.IsVisibleTo(Expert));
        Assert.False(draft.IsVisibleTo(Given.Official));
    }

    [Theory]
    [InlineData(ConsultationStatus.Open)]
    [InlineData(ConsultationStatus.Closed)]
    [InlineData(ConsultationStatus.Responded)]
    public void Once_opened_everyone_sees_it(ConsultationStatus status) => Assert.True(In(status).IsVisibleTo(null));

    [Fact]
    public void Drafts_are_listed_to_moderators_only()
    {
        ConsultationStatus[] all = Enum.GetValues<ConsultationStatus>();
        Assert.Equal(all, ConsultationVisibility.ListedTo(all, Given.Moderator));
        Assert.DoesNotContain(ConsultationStatus.Draft, ConsultationVisibility.ListedTo(all, Expert));
        Assert.Empty(ConsultationVisibility.ListedTo([ConsultationStatus.Draft], null));
    }
}
