using JasperFx.Events.Projections;
using Marten;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>Marten configuration of surveys and their responses.</summary>
public static class SurveysStore
{
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(SurveyDefined), typeof(SurveyAnswered)]);
        options.Projections.Add(new SurveyProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SurveyResponseProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SurveyResponse>().Index(x => x.ConsultationId);
    }
}
