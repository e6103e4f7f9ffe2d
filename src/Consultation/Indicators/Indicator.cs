using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators;

// One of the plan's indicators followed over time (section II of the seed plan: graduates, doctorate and master shares,
// science enterprises). Its definition is the registry's own filter shape, so what it counts is what a moderator would
// find on /experts with the same filters.

/// <summary>Count: profiles matching any filter. Share: percent of the base's profiles that also match any filter. Manual: a figure an admin records.</summary>
public enum IndicatorMeasure
{
    Count,
    Share,
    Manual,
}

/// <summary>What an indicator is: names in both languages, how it is measured, its target and deadline.</summary>
public sealed record IndicatorSpec(
    string NameVi, string NameEn, IndicatorMeasure Measure, IReadOnlyList<RegistryFilter> Filters, IReadOnlyList<RegistryFilter> Base,
    double Target, DateOnly Deadline);

public sealed record IndicatorDefined(Guid IndicatorId, IndicatorSpec Spec, DateTimeOffset DefinedAt, string DefinedBy);

public sealed record IndicatorChanged(Guid IndicatorId, IndicatorSpec Spec, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>A manual indicator's figure, as an admin read it from outside the registry.</summary>
public sealed record IndicatorFigureRecorded(Guid IndicatorId, double Value, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record IndicatorRetired(Guid IndicatorId, DateTimeOffset RetiredAt, string RetiredBy);

public sealed record Indicator(
    Guid Id, IndicatorSpec Spec, double? Figure, DateTimeOffset? FigureRecordedAt, bool Retired, DateTimeOffset DefinedAt, DateTimeOffset UpdatedAt)
{
    public const int MaxNameLength = 200;
    public const int MaxFilters = 20;
}

public sealed class IndicatorProjection : SingleStreamProjection<Indicator, Guid>
{
    public static Indicator Create(IndicatorDefined e) => new(e.IndicatorId, e.Spec, null, null, false, e.DefinedAt, e.DefinedAt);

    public static Indicator Apply(IndicatorChanged e, Indicator indicator) => indicator with { Spec = e.Spec, UpdatedAt = e.ChangedAt };

    public static Indicator Apply(IndicatorFigureRecorded e, Indicator indicator) =>
        indicator with { Figure = e.Value, FigureRecordedAt = e.RecordedAt, UpdatedAt = e.RecordedAt };

    public static Indicator Apply(IndicatorRetired e, Indicator indicator) => indicator with { Retired = true, UpdatedAt = e.RetiredAt };
}
