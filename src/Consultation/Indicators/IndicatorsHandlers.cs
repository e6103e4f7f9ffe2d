using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Indicators.Changing;
using Nq45Consult.Consultation.Indicators.Defaults;
using Nq45Consult.Consultation.Indicators.Defining;
using Nq45Consult.Consultation.Indicators.Retiring;
using Nq45Consult.Consultation.Indicators.Reviewing;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Consultation.Indicators;

public static class IndicatorsHandlers
{
    /// <summary>The indicators' handlers, queries and review.</summary>
    public static IServiceCollection AddIndicatorsHandlers(this IServiceCollection services)
    {
        services.AddSingleton<DefineIndicatorHandler>();
        services.AddSingleton<ChangeIndicatorHandler>();
        services.AddSingleton<RetireIndicatorHandler>();
        services.AddSingleton<DefineDefaultIndicatorsHandler>();
        services.AddSingleton<TakeSnapshotHandler>();
        services.AddSingleton<IndicatorQueries>();
        services.AddSingleton<MidTermReviewQuery>();
        return services;
    }
}
