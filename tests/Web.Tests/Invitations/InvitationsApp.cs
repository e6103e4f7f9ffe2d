using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Nq45Consult.Web.Tests.Infrastructure;
using Nq45Consult.Web.Tests.Notifications;

namespace Nq45Consult.Web.Tests.Invitations;

/// <summary>
/// The notifications app (a real SMTP server on loopback, delivery rounds run by the test) with a clock the tests move
/// and small invitation chunks, so a batch of a few addresses is partly sent by the request and partly queued.
/// </summary>
public partial class InvitationsApp : NotificationsApp
{
    public const int ChunkSize = 2;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Invitations:ChunkSize", ChunkSize.ToString());
        builder.UseSetting("Invitations:SendInterval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Delivers the outbox, then the single e-mail sent to <paramref name="address"/> after the first <paramref name="before"/>
    /// messages, delivering (and moving the clock past retry delays) until it arrives or a generous deadline passes.
    /// </summary>
    public async Task<MimeMessage> MailTo(string address, int before = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Smtp.Received.Skip(before).Any(m => To(m, address)) && DateTime.UtcNow < deadline)
        {
            // A failed attempt (the server still starting) is retried after a few milliseconds of this clock.
            Clock.Advance(TimeSpan.FromMilliseconds(5));
            if ((await Deliver()).Claimed == 0) await Task.Delay(20);
        }
        var found = Smtp.Received.Skip(before).Where(m => To(m, address)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} e-mails to {address} after the first {before}; received: "
            + string.Join(", ", Smtp.Received.Select(m => string.Join(" ", m.To.Mailboxes.Select(b => $"[{b.Address}]")))));
        return found[0];
    }

    private static bool To(MimeMessage message, string address) => message.To.Mailboxes.Any(b => b.Address == address);

    /// <summary>The token of the invitation link in the message.</summary>
    public static string TokenIn(MimeMessage message)
    {
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        Assert.StartsWith($"{BaseUrl}/account/invitation?token=", link.Value);
        return link.Groups[1].Value;
    }

    public async Task<JsonElement> Invitations(Guid consultation) =>
        await (await (await As("moderator")).GetAsync($"/api/consultations/{consultation}/email-invitations")).Content.ReadFromJsonAsync<JsonElement>();

    public async Task<JsonElement> Invitation(Guid consultation, string email) =>
        (await Invitations(consultation)).GetProperty("invitations").EnumerateArray().Single(i => i.GetProperty("email").GetString() == email);

    [GeneratedRegex(@"https?://\S+/account/invitation\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
