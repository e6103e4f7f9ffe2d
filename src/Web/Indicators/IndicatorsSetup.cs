using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Indicators.Defaults;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Web.Indicators;

/// <summary>The plan's indicators over time: settings validated at start, handlers, the default set, the monthly snapshot, routes.</summary>
public static class IndicatorsSetup
{
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IndicatorsOptions>().BindConfiguration(IndicatorsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IndicatorsOptions>>(new ProblemsValidation<IndicatorsOptions>(o => o.Problems()));
        services.AddIndicatorsHandlers();
        // Defined before the monthly round starts, which then measures them.
        services.AddHostedService<DefaultIndicatorsStartup>();
        services.AddHostedService<MonthlySnapshots>();
        return builder;
    }

    public static WebApplication MapIndicators(this WebApplication app) => app.MapIndicatorEndpoints();
}

/// <summary>At start, defines the seed plan's indicators that were never defined (after Marten's own start-up has applied the schema).</summary>
public sealed class DefaultIndicatorsStartup(
    DefineDefaultIndicatorsHandler defaults, IOptions<ExpertsOptions> experts, IOptions<IndicatorsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        defaults.Handle(new DefineDefaultIndicators(experts.Value.Targets, options.Value.DefaultDeadline), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Every <see cref="IndicatorsOptions.SnapshotCheckInterval"/>: takes this month's snapshot unless it is taken, so it is
/// taken on the first day of the month (or the first round after, if no node ran then), once whichever node runs first.
/// </summary>
public sealed class MonthlySnapshots(
    TakeSnapshotHandler snapshots, TimeProvider time, IOptions<IndicatorsOptions> options, ILogger<MonthlySnapshots> logger)
    : PeriodicWork(options.Value.SnapshotCheckInterval, time, logger)
{
    protected override async Task Round(CancellationToken stoppingToken)
    {
        if (!options.Value.MonthlySnapshots) return;
        var outcome = await snapshots.Handle(TakeSnapshot.Monthly(Time.GetUtcNow()), stoppingToken);
        if (outcome.Snapshot is { } taken) logger.LogInformation("Took the indicators' snapshot of {Month}.", taken.Month);
    }
}
