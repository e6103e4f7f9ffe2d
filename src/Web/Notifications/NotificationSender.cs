using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Reminders;

namespace Nq45Consult.Web.Notifications;

/// <summary>Sends the outbox's due e-mails every <see cref="NotificationOptions.DeliveryInterval"/>.</summary>
public sealed class NotificationSender(OutboxDelivery delivery, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationSender> logger)
    : PeriodicWork(options.Value.DeliveryInterval, time, logger)
{
    protected override async Task Round(CancellationToken stoppingToken)
    {
        // A full batch suggests more are waiting: keep going rather than wait a whole interval.
        DeliveryRound round;
        do round = await delivery.DeliverDue(stoppingToken);
        while (round.Claimed >= options.Value.BatchSize && !stoppingToken.IsCancellationRequested);
    }
}

/// <summary>
/// Every <see cref="NotificationOptions.ReminderCheckInterval"/>: reminds participants of consultations entering their
/// last days, and officials of recommendations left unanswered past their deadline.
/// </summary>
public sealed class ClosingReminderCheck(
    ClosingReminders reminders, OverdueRecommendations overdue, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ClosingReminderCheck> logger)
    : PeriodicWork(options.Value.ReminderCheckInterval, time, logger)
{
    protected override async Task Round(CancellationToken stoppingToken)
    {
        var reminded = await reminders.RemindDue(stoppingToken);
        if (reminded.Count > 0) logger.LogInformation("Reminded the participants of {Count} consultation(s) closing soon.", reminded.Count);
        var late = await overdue.RemindDue(stoppingToken);
        if (late.Count > 0) logger.LogInformation("Reminded the officials of {Count} overdue recommendation(s).", late.Count);
    }
}
