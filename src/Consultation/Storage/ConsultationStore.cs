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
        Consultations.ConsultationsStore.Configure,
        Feedback.FeedbackStore.Configure,
        Dialogue.DialogueStore.Configure,
        Review.ReviewStore.Configure,
        Surveys.SurveysStore.Configure,
        Experts.ExpertsStore.Configure,
        Notifications.NotificationsStore.Configure,
        OpinionMap.OpinionMapStore.Configure,
    ];

    public static IServiceCollection AddConsultation(this IServiceCollection services, string connectionString, StorageOptions storage)
    {
        services.AddSingleton(TimeProvider.System);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(WithStatementPreparation(connectionString));
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

    /// <summary>
    /// Marten sends the same statements over and over (appends, document upserts, loads); Npgsql's automatic
    /// preparation lets PostgreSQL skip parsing and planning them after the second use, which cut the database's CPU
    /// per feedback submission by about 40 % (docs/benchmarks.md). A connection string that sets
    /// <c>Max Auto Prepare</c> itself (e.g. 0 behind a pooler without prepared-statement support) is left as it is.
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
