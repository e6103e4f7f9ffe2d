using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Consultation;
using Nq45Consult.Consultation.Storage;

namespace Nq45Consult.Web.Storage;

/// <summary>Chooses the database: the configured server, or a cluster the app runs itself.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "Marten";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        // The app changes the schema of the cluster it owns by default; a shared server's schema only when asked.
        storage.ApplySchemaOnStart = builder.Configuration.GetValue<bool?>($"{StorageOptions.Section}:{nameof(StorageOptions.ApplySchemaOnStart)}") ?? embedded;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var cluster = StartEmbeddedCluster(builder);
            connectionString = cluster.ConnectionString(cluster.DatabaseName);
            builder.Services.AddSingleton(cluster);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        }
        builder.Services.AddSingleton(new DatabaseConnection(connectionString, storage.Schema));
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        // A filter type not in the container is constructed for every hub call (and its localizer with it).
        builder.Services.AddSingleton<DatabaseUnavailableHubFilter>();
        // Added before any other hub filter, so it is the outermost: theirs read the database too.
        builder.Services.Configure<HubOptions>(options => options.AddFilter<DatabaseUnavailableHubFilter>());
        builder.Services.AddConsultation(connectionString, storage);
        builder.Services.AddDataProtectionKeysInDatabase();
        return builder;
    }

    private static EmbeddedPostgresCluster StartEmbeddedCluster(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggerFactory.CreateLogger<EmbeddedPostgresCluster>();
        try
        {
            return EmbeddedPostgresCluster.Start(options, builder.Environment.ContentRootPath, logger);
        }
        catch (EmbeddedPostgresUnavailableException e)
        {
            // One clear line for the operator instead of a stack trace.
            logger.LogCritical("{Message}", e.Message);
            throw;
        }
    }
}

/// <summary>The connection the app uses, for the few places that talk to PostgreSQL below Marten (health checks).</summary>
public sealed record DatabaseConnection(string ConnectionString, string Schema);
