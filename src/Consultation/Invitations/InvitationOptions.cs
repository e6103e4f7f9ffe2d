namespace Nq45Consult.Consultation.Invitations;

/// <summary>Settings of invitations by e-mail (<c>Invitations</c> section).</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation's link can be used.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Invitations (and their e-mails) written per transaction when a batch is sent.</summary>
    public int ChunkSize { get; set; } = 250;

    /// <summary>How often queued batches are looked for (a request also sends its first chunk itself).</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most addresses and profiles one request may name.</summary>
    public int MaxPerRequest { get; set; } = 20_000;

    public IEnumerable<string> Problems()
    {
        if (LinkLifetime <= TimeSpan.Zero) yield return $"{Section}:LinkLifetime must be positive.";
        if (ChunkSize is < 1 or > 5000) yield return $"{Section}:ChunkSize must be between 1 and 5000.";
        if (SendInterval <= TimeSpan.Zero) yield return $"{Section}:SendInterval must be positive.";
        if (MaxPerRequest is < 1 or > 100_000) yield return $"{Section}:MaxPerRequest must be between 1 and 100000.";
    }
}
