using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Consultation.Notifications.Preferences;
using Nq45Consult.Consultation.Notifications.Reminders;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Notifications;

/// <summary>Notifications: in-app (bell, page, hub) and e-mail (outbox sender over SMTP), settings validated at start.</summary>
public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>>(new ProblemsValidation<NotificationOptions>(o => o.Problems()));
        services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(new ProblemsValidation<SmtpOptions>(o => o.Problems()));
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<PreferenceQueries>();
        services.AddSingleton<Consultation.Notifications.Reading.MarkNotificationReadHandler>();
        services.AddSingleton<Consultation.Notifications.Reading.MarkAllNotificationsReadHandler>();
        services.AddSingleton<SetEmailPreferencesHandler>();
        services.AddSingleton<ClosingReminders>();
        services.AddSingleton<OverdueRecommendations>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<Consultation.Accounts.ResettingPasswords.IAccountMail, AccountMail>();
        services.AddSingleton<LiveNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveNotifications>());
        services.ConfigureMarten((sp, options) => options.Listeners.Add(new LiveNotifications.AfterCommit(sp.GetRequiredService<LiveNotifications>())));
        services.AddHostedService<NotificationSender>();
        services.AddHostedService<ClosingReminderCheck>();
        services.AddHostedService<EmailModeAnnouncement>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapNotificationEndpoints();
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        return app;
    }
}

/// <summary>Says at start whether notification e-mails go out, and through which server.</summary>
public sealed class EmailModeAnnouncement(IOptions<SmtpOptions> smtp, ILogger<EmailModeAnnouncement> logger) : IHostedService
{
    public const string OffMessage = "E-mail notifications are off: no Smtp:Host is configured. In-app notifications still work.";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        if (settings.Enabled) logger.LogInformation("E-mail notifications go through {Host}:{Port} (TLS: {Tls}).", settings.Host, settings.Port, settings.UseTls);
        else logger.LogWarning(OffMessage);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
