using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Reminders;

namespace Nq45Consult.Web.Notifications;

/// <summary>Sends the outbox's due e-mails every <see cref="NotificationOptions.DeliveryInterval"/>, on the injected clock.</summary>
public sealed class NotificationSender(OutboxDelivery delivery, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeliveryInterval, time);
        do
        {
            try
            {
                // A full batch suggests more are waiting: keep going rather than wait a whole interval.
                DeliveryRound round;
                do round = await delivery.DeliverDue(stoppingToken);
                while (round.Claimed >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending notification e-mails failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Reminds participants of consultations entering their last days, every <see cref="NotificationOptions.ReminderCheckInterval"/>.</summary>
public sealed class ClosingReminderCheck(ClosingReminders reminders, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ClosingReminderCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderCheckInterval, time);
        do
        {
            try
            {
                var reminded = await reminders.RemindDue(stoppingToken);
                if (reminded.Count > 0) logger.LogInformation("Reminded the participants of {Count} consultation(s) closing soon.", reminded.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reminding of closing consultations failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
