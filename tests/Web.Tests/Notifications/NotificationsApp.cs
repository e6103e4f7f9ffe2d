using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.Notifications.Delivery;
using Nq45Consult.Web.Tests.Consultations;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Notifications;

/// <summary>
/// The app with a real SMTP server on loopback. The sender's own timer is set to an hour, so each test delivers
/// by calling the same <see cref="OutboxDelivery"/> round the background sender runs, when it chooses.
/// </summary>
public class NotificationsApp : FeedbackFixture
{
    public const string BaseUrl = "https://phanbien.example.vn";

    public LoopbackSmtp Smtp { get; } = new();

    protected virtual bool WithSmtp => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (WithSmtp)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
            builder.UseSetting("Smtp:UseTls", "false");
            builder.UseSetting("Smtp:From", "Cổng phản biện <no-reply@phanbien.example.vn>");
            builder.UseSetting("Smtp:Timeout", "00:00:05");
        }
        builder.UseSetting("Notifications:BaseUrl", BaseUrl);
        builder.UseSetting("Notifications:DeliveryInterval", "01:00:00");
        builder.UseSetting("Notifications:ReminderCheckInterval", "01:00:00");
        builder.UseSetting("Notifications:FirstRetryDelay", "00:00:00.001");
        builder.UseSetting("Notifications:MaxRetryDelay", "00:00:00.002");
    }

    public ConsultationSteps Commands => new(Services);

    public Task<DeliveryRound> Deliver() => Services.GetRequiredService<OutboxDelivery>().DeliverDue();

    public async Task<ConsultationDetails> Details(Guid id)
    {
        await using var query = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await query.LoadAsync<ConsultationDetails>(id))!;
    }

    /// <summary>The notifications (with their e-mails) whose link starts with <paramref name="link"/>.</summary>
    public async Task<IReadOnlyList<(Notification Notification, EmailOutboxEntry Email)>> About(string link, NotificationKind? kind = null)
    {
        await using var query = Services.GetRequiredService<IDocumentStore>().QuerySession();
        var notifications = (await query.Query<Notification>().Where(n => n.Link.StartsWith(link)).ToListAsync())
            .Where(n => kind is null || n.Kind == kind).ToList();
        var emails = (await query.LoadManyAsync<EmailOutboxEntry>(notifications.Select(n => n.Id).ToArray())).ToDictionary(e => e.Id);
        return notifications.Select(n => (n, emails[n.Id])).ToList();
    }

    public static IEnumerable<string> Recipients(IEnumerable<(Notification Notification, EmailOutboxEntry Email)> found) =>
        found.Select(f => f.Notification.Recipient).Order();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
