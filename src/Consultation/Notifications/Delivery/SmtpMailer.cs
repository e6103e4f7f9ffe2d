using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nq45Consult.Consultation.Notifications.Delivery;

/// <summary>One SMTP conversation (MailKit) for a batch of messages: connect, authenticate when configured, send, quit.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public async Task<SmtpConversation> Connect(CancellationToken cancellation)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellation);
            if (!string.IsNullOrWhiteSpace(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellation);
            return new SmtpConversation(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

public sealed class SmtpConversation(SmtpClient client) : IAsyncDisposable
{
    public bool IsConnected => client.IsConnected;

    /// <summary>Returns once the server accepted the message (its 250 to the data), or throws.</summary>
    public Task Send(MimeMessage message, CancellationToken cancellation) => client.SendAsync(message, cancellation);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException)
        {
            // The messages were already accepted; a failed goodbye changes nothing.
        }
        client.Dispose();
    }
}
