using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>Marten configuration of consultations and their draft versions.</summary>
public static class ConsultationsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddConsultationsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(ConsultationCreated), typeof(ConsultationDetailsEdited), typeof(DraftVersionPublished),
            typeof(ConsultationOpened), typeof(ConsultationClosed), typeof(ExpertsInvited), typeof(ResponsesPublished),
        ]);
        options.Projections.Add<ConsultationDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new DraftVersionProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<ConsultationDetails>().UniqueIndex(x => x.Slug).Index(x => x.Status);
        options.Schema.For<DraftVersion>().Index(x => x.ConsultationId);
    }
}
