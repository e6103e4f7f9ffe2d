using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Closing;

namespace Nq45Consult.Web.Consultations;

/// <summary>Closes open consultations once their closing time passes, every <see cref="ConsultationOptions.CloseCheckInterval"/>.</summary>
public sealed class ConsultationCloser(CloseDueConsultationsHandler closeDue, TimeProvider time, IOptions<ConsultationOptions> options, ILogger<ConsultationCloser> logger)
    : PeriodicWork(options.Value.CloseCheckInterval, time, logger)
{
    protected override async Task Round(CancellationToken stoppingToken)
    {
        var closed = await closeDue.Handle(new(Time.GetUtcNow()), stoppingToken);
        if (closed.Count > 0) logger.LogInformation("Closed {Count} consultation(s) at their closing time.", closed.Count);
    }
}
