using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Web.Notifications;
using Nq45Consult.Web.Tests.Infrastructure;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>The app with no SMTP server configured, keeping what it logs.</summary>
public sealed class NoSmtpApp : NotificationsApp
{
    private readonly KeptLogs logs = new();

    public ConcurrentQueue<(LogLevel Level, string Message)> Logged => logs.Logged;

    protected override bool WithSmtp => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}

public class NoSmtpTests(NoSmtpApp app) : IClassFixture<NoSmtpApp>
{
    [Fact]
    public async Task Without_an_smtp_host_the_app_says_email_is_off_and_notifications_stay_in_app()
    {
        var (id, _) = await app.Consultation(open: false);
        Assert.Contains(app.Logged, l => l.Level == LogLevel.Warning && l.Message == EmailModeAnnouncement.OffMessage);
        Assert.True((await app.Commands.Invite(id, ["expert1"], "moderator")).Decision!.Accepted);
        while ((await app.Deliver()).Claimed > 0) { }

        var found = Assert.Single(await app.About(NotificationTexts.ConsultationLink((await app.Details(id)).Slug)));
        Assert.Equal("EXPERT1", found.Notification.Recipient);
        Assert.Equal((EmailStatus.Skipped, "e-mail-off"), (found.Email.Status, found.Email.SkipReason));
        Assert.Empty(app.Smtp.Received);
    }
}
