namespace Nq45Consult.Web.Shell;

/// <summary>Runs one round of work at start and then every interval, on the injected clock; a failed round is logged and retried.</summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the rounds run on, for work that needs the time.</summary>
    protected TimeProvider Time => time;

    protected abstract Task Round(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await Round(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed; will retry.", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
