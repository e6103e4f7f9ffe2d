using JasperFx.Events.Projections;
using Marten;
using Nq45Consult.Consultation.Review.Deadlines;

namespace Nq45Consult.Consultation.Review;

/// <summary>Marten configuration of the review: responses live on the items' streams, deadlines on the consultations'.</summary>
public static class ReviewStore
{
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(FeedbackResponded), typeof(ResponseDeadlineSet)]);
        options.Projections.Add<ResponseScheduleProjection>(ProjectionLifecycle.Inline);
    }
}
