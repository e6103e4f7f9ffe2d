using JasperFx.Events.Projections;
using Marten;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;
using Nq45Consult.Consultation.Notifications.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>Marten configuration of notifications: the inbox, the e-mail outbox, preferences, and the listener that fills the outbox.</summary>
public static class NotificationsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddNotificationsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes([typeof(EmailPreferencesSet)]);
        options.Projections.Add<NotificationPreferencesProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Notification>().Index(x => x.Recipient);
        options.Schema.For<EmailOutboxEntry>().Index(x => x.Status);
        options.Schema.For<ClosingReminder>();
        options.Schema.For<RecommendationReminder>();
        options.Listeners.Add(new NotificationOutbox());
    }
}
