using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Consultation.Indicators;

/// <summary>Marten configuration of the plan's indicators and their snapshots.</summary>
public static class IndicatorsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddIndicatorsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(IndicatorDefined), typeof(IndicatorChanged), typeof(IndicatorFigureRecorded), typeof(IndicatorRetired), typeof(IndicatorSnapshotTaken),
        ]);
        options.Projections.Add<IndicatorProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<IndicatorSnapshotProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<IndicatorSnapshot>().Index(x => x.TakenAt);
    }
}
