using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>Marten configuration of feedback items.</summary>
public static class FeedbackStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddFeedbackStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(FeedbackSubmitted), typeof(FeedbackRevised), typeof(FeedbackWithdrawn),
            typeof(FeedbackReported), typeof(FeedbackHidden), typeof(FeedbackRestored), typeof(AuthorNameConsentChanged), typeof(FeedbackResponded),
            typeof(FeedbackAddressedInVersion),
        ]);
        options.Events.AddEventType<Recording.FeedbackRecordedOnBehalf>();
        options.Projections.Add<FeedbackItemProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<FeedbackItem>()
            .Index(x => x.ConsultationId)
            .Index(x => x.AuthorUserName);
        options.Schema.For<SubmissionReceipt>();
        Counting.FeedbackCounters.Configure(options);
        Likeness.LikenessSignatures.Configure(options);
    }
}
