using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Responding;

namespace Nq45Consult.Consultation.Tests.Consultations;

public class PublishResponsesTests
{
    [Fact]
    public void A_closed_consultation_moves_to_responded_once()
    {
        var closed = Given.Closed();
        var published = Assert.IsType<ResponsesPublished>(Assert.Single(PublishResponses.Decide(closed, new(closed.Id, Given.Official), Given.Now).Events));
        Assert.Equal(("official", Given.Now), (published.PublishedBy, published.PublishedAt));

        var responded = closed.Apply(published);
        Assert.Equal(ConsultationStatus.Responded, responded.Status);
        Assert.NotNull(PublishResponses.Decide(responded, new(closed.Id, Given.Official), Given.Now).Reason);
    }

    [Fact]
    public void Responses_are_not_published_before_the_consultation_closes()
    {
        Assert.NotNull(PublishResponses.Decide(Given.Draft(1), new(Guid.Empty, Given.Official), Given.Now).Reason);
        Assert.NotNull(PublishResponses.Decide(Given.Open(), new(Guid.Empty, Given.Official), Given.Now).Reason);
    }
}
