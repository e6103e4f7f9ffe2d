using JasperFx.Events.Projections;
using Marten;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>Marten configuration of feedback items.</summary>
public static class FeedbackStore
{
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(FeedbackSubmitted), typeof(FeedbackRevised), typeof(FeedbackWithdrawn),
            typeof(FeedbackReported), typeof(FeedbackHidden), typeof(FeedbackRestored), typeof(AuthorNameConsentChanged), typeof(FeedbackResponded),
        ]);
        options.Projections.Add<FeedbackItemProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<FeedbackItem>()
            .Index(x => x.ConsultationId)
            .Index(x => x.AuthorUserName);
        options.Schema.For<SubmissionReceipt>();
        Counting.FeedbackCounters.Configure(options);
        Likeness.LikenessSignatures.Configure(options);
    }
}
