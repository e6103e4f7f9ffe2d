using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Recommendations.Answering;
using Nq45Consult.Consultation.Recommendations.Moderating;
using Nq45Consult.Consultation.Recommendations.Routing;
using Nq45Consult.Consultation.Recommendations.Submitting;
using Nq45Consult.Consultation.Recommendations.Supporting;

namespace Nq45Consult.Consultation.Recommendations;

public static class RecommendationsHandlers
{
    /// <summary>The recommendations' handlers and queries.</summary>
    public static IServiceCollection AddRecommendationsHandlers(this IServiceCollection services)
    {
        services.AddSingleton<SubmitRecommendationHandler>();
        services.AddSingleton<ModerateRecommendationHandler>();
        services.AddSingleton<RouteRecommendationHandler>();
        services.AddSingleton<AnswerRecommendationHandler>();
        services.AddSingleton<SupportRecommendationHandler>();
        services.AddScoped<RecommendationQueries>();
        services.AddSingleton<IAttachmentOwner, RecommendationAttachments>();
        return services;
    }
}
