using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>Marten configuration of recommendations: their streams, their documents and one support per (recommendation, person).</summary>
public static class RecommendationsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddRecommendationsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(RecommendationSubmitted), typeof(RecommendationHidden), typeof(RecommendationRestored),
            typeof(RecommendationRouted), typeof(RecommendationAnswered), typeof(RecommendationSupported),
        ]);
        options.Projections.Add<RecommendationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<RecommendationSupportProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Recommendation>().Index(x => x.SubmittedAt);
        options.Schema.For<RecommendationSupport>().Index(x => x.RecommendationId);
    }
}
