using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Nq45Consult.Web.Storage;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}

/// <summary>Ready means the database answers and the event store's tables exist.</summary>
public sealed class DatabaseReadyCheck(DatabaseConnection database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
            command.Parameters.AddWithValue("table", $"{database.Schema}.mt_events");
            var applied = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            return applied ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The schema is not applied yet.");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", e);
        }
    }
}
