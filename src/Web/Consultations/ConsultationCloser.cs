using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;

namespace Nq45Consult.Web.Consultations;

/// <summary>Closes open consultations once their closing time passes, on the injected clock.</summary>
public sealed class ConsultationCloser(CloseDueConsultationsHandler closeDue, TimeProvider time, IOptions<ConsultationOptions> options, ILogger<ConsultationCloser> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CloseCheckInterval, time);
        do
        {
            try
            {
                var closed = await closeDue.Handle(new(time.GetUtcNow()), stoppingToken);
                if (closed.Count > 0) logger.LogInformation("Closed {Count} consultation(s) at their closing time.", closed.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Closing due consultations failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
