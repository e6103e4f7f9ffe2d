namespace Nq45Consult.Consultation.Attachments;

/// <summary>Settings of attachments (<c>Attachments</c> section), validated at start.</summary>
public sealed class AttachmentsOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (1 KB – 100 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files (not withdrawn) one owner may have (1–50).</summary>
    public int MaxPerOwner { get; set; } = 5;

    public IEnumerable<string> Problems()
    {
        if (MaxBytes is < 1024 or > 100 * 1024 * 1024) yield return $"{Section}:MaxBytes must be between 1024 and 104857600 (bytes).";
        if (MaxPerOwner is < 1 or > 50) yield return $"{Section}:MaxPerOwner must be between 1 and 50.";
    }
}
