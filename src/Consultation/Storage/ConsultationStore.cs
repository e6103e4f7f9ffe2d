using JasperFx.Events;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;

namespace Nq45Consult.Consultation.Storage;

/// <summary>The one place the event store is configured; each capability adds its own events and projections.</summary>
public static class ConsultationStore
{
    /// <summary>Capabilities register their Marten configuration here (events, projections, documents).</summary>
    private static readonly Action<StoreOptions>[] Capabilities =
    [
        Accounts.AccountsStore.Configure,
        Drafts.DraftsStore.Configure,
        Feedback.FeedbackStore.Configure,
        Dialogue.DialogueStore.Configure,
        Review.ReviewStore.Configure,
        Surveys.SurveysStore.Configure,
        Experts.ExpertsStore.Configure,
        Notifications.NotificationsStore.Configure,
    ];

    public static IServiceCollection AddConsultation(this IServiceCollection services, string connectionString, StorageOptions storage)
    {
        services.AddSingleton(TimeProvider.System);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(connectionString);
                options.DatabaseSchemaName = storage.Schema;
                options.Events.DatabaseSchemaName = storage.Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                // Appends in one database function call instead of first fetching event sequence numbers: one round
                // trip less per write (versions still come from FetchForWriting / StartStream for optimistic concurrency).
                options.Events.AppendMode = EventAppendMode.Quick;
                options.AutoCreateSchemaObjects = storage.ApplySchemaOnStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                foreach (var configure in Capabilities) configure(options);
                return options;
            })
            .UseLightweightSessions();
        if (storage.ApplySchemaOnStart) marten.ApplyAllDatabaseChangesOnStartup();
        if (storage.RunProjectionDaemon) marten.AddAsyncDaemon(DaemonMode.HotCold);
        return services;
    }
}
