using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Recommendations;

namespace Nq45Consult.Web.Recommendations;

/// <summary>Recommendations between consultations: settings validated at start, handlers, routes.</summary>
public static class RecommendationsSetup
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RecommendationsOptions>().BindConfiguration(RecommendationsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecommendationsOptions>>(new ProblemsValidation<RecommendationsOptions>(o => o.Problems()));
        services.AddRecommendationsHandlers();
        return builder;
    }

    public static WebApplication MapRecommendations(this WebApplication app) => app.MapRecommendationEndpoints();
}
