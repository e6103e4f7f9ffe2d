using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>Marten configuration of surveys and their responses.</summary>
public static class SurveysStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddSurveysStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(SurveyDefined), typeof(SurveyAnswered)]);
        options.Projections.Add(new SurveyProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SurveyResponseProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SurveyResponse>().Index(x => x.ConsultationId);
    }
}
