namespace Nq45Consult.Consultation.Indicators;

/// <summary>Settings of the plan's indicators (<c>Indicators</c> section), validated at start.</summary>
public sealed class IndicatorsOptions
{
    public const string Section = "Indicators";

    /// <summary>Take a snapshot each month in the background; off, snapshots are taken on demand only.</summary>
    public bool MonthlySnapshots { get; set; } = true;

    /// <summary>How often each node checks whether this month's snapshot is taken (1 minute – 1 day).</summary>
    public TimeSpan SnapshotCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The deadline of the default indicators, the seed plan's horizon ("đến năm 2030").</summary>
    public DateOnly DefaultDeadline { get; set; } = new(2030, 12, 31);

    public IEnumerable<string> Problems()
    {
        if (SnapshotCheckInterval < TimeSpan.FromMinutes(1) || SnapshotCheckInterval > TimeSpan.FromDays(1))
            yield return $"{Section}:SnapshotCheckInterval must be between 00:01:00 and 1.00:00:00.";
        if (DefaultDeadline.Year is < 2000 or > 2100) yield return $"{Section}:DefaultDeadline must be a date between 2000 and 2100.";
    }
}
