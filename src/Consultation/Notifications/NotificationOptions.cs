namespace Nq45Consult.Consultation.Notifications;

/// <summary>Settings of notifications (<c>Notifications</c> section); the SMTP server is <see cref="Delivery.SmtpOptions"/>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The site's public address, put in front of the links in e-mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How often the outbox is checked for e-mails to send.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>E-mails one sender claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts an e-mail is given up (status <c>failed</c>).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a claimed e-mail stays with its sender before another node may take it (a crashed sender's).</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before a consultation closes its participants are reminded (once).</summary>
    public TimeSpan ClosingReminderBefore { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often consultations near their close are looked for.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public Uri Link(string relative) => new(new Uri(BaseUrl.TrimEnd('/') + "/"), relative.TrimStart('/'));

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{Section}:BaseUrl must be an absolute http(s) address.";
        if (DeliveryInterval <= TimeSpan.Zero) yield return $"{Section}:DeliveryInterval must be positive.";
        if (ReminderCheckInterval <= TimeSpan.Zero) yield return $"{Section}:ReminderCheckInterval must be positive.";
        if (BatchSize is < 1 or > 1000) yield return $"{Section}:BatchSize must be between 1 and 1000.";
        if (FirstRetryDelay <= TimeSpan.Zero) yield return $"{Section}:FirstRetryDelay must be positive.";
        if (MaxRetryDelay < FirstRetryDelay) yield return $"{Section}:MaxRetryDelay must not be shorter than FirstRetryDelay.";
        if (MaxAttempts < 1) yield return $"{Section}:MaxAttempts must be at least 1.";
        if (ClaimDuration <= TimeSpan.Zero) yield return $"{Section}:ClaimDuration must be positive.";
        if (ClosingReminderBefore <= TimeSpan.Zero) yield return $"{Section}:ClosingReminderBefore must be positive.";
    }

    /// <summary>When to try again after <paramref name="attempts"/> failed attempts: exponential back-off, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}
