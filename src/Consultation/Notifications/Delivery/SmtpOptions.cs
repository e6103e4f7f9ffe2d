using System.Net.Mail;

namespace Nq45Consult.Consultation.Notifications.Delivery;

/// <summary>The SMTP server e-mails go through (<c>Smtp</c> section). Without a <see cref="Host"/>, e-mail is off.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>"Nq45Consult" &lt;no-reply@example.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>True: STARTTLS is required (or TLS on connect at port 465); false: plain SMTP, for a relay on a trusted network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Problems()
    {
        if (!Enabled) yield break;
        if (Port is < 1 or > 65535) yield return $"{Section}:Port must be between 1 and 65535.";
        if (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _)) yield return $"{Section}:From must be an e-mail address.";
        if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(UserName)) yield return $"{Section}:UserName is required with a Password.";
        if (Timeout <= TimeSpan.Zero) yield return $"{Section}:Timeout must be positive.";
    }
}
