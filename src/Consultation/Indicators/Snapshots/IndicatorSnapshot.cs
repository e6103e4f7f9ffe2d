using System.Globalization;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Indicators.Snapshots;

public enum SnapshotKind
{
    Monthly,
    OnDemand,
}

/// <summary>One indicator's value in a snapshot, with its names, target and deadline as they were that day; null when not measurable (no base, no figure).</summary>
public sealed record IndicatorValue(Guid IndicatorId, string NameVi, string NameEn, IndicatorMeasure Measure, double? Value, double Target, DateOnly Deadline);

public sealed record IndicatorSnapshotTaken(
    Guid SnapshotId, SnapshotKind Kind, string? Month, int RegistrySize, IReadOnlyList<IndicatorValue> Values, DateTimeOffset TakenAt, string TakenBy);

/// <summary>Every followed indicator's value at one moment, and the registry's size then.</summary>
public sealed record IndicatorSnapshot(
    Guid Id, SnapshotKind Kind, string? Month, int RegistrySize, IReadOnlyList<IndicatorValue> Values, DateTimeOffset TakenAt, string TakenBy)
{
    /// <summary>Vietnam keeps UTC+7 all year: a month begins at midnight there.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>The month <paramref name="at"/> falls in, in Vietnam ("2026-12").</summary>
    public static string MonthOf(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The monthly snapshot's id, derived from its month: two nodes taking it collide instead of both storing one.</summary>
    public static Guid MonthlyId(string month) => DerivedIds.Of($"indicator-snapshot\n{month}");
}

public sealed class IndicatorSnapshotProjection : SingleStreamProjection<IndicatorSnapshot, Guid>
{
    public static IndicatorSnapshot Create(IndicatorSnapshotTaken e) => new(e.SnapshotId, e.Kind, e.Month, e.RegistrySize, e.Values, e.TakenAt, e.TakenBy);
}
