using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>Marten configuration of sessions' minutes: their events and the inline document.</summary>
public static class MinutesStore
{
    /// <summary>Adds this part's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddMinutesStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(MinutesGenerated), typeof(MinutesEdited), typeof(MinutesFinalised)]);
        options.Projections.Add<SessionMinutesProjection>(ProjectionLifecycle.Inline);
    }
}
