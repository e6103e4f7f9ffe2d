using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Indicators.Snapshots;

namespace Nq45Consult.Web.Indicators;

// The JSON shapes of the indicator routes (docs/experts.md "The plan's indicators").

/// <summary>Body of <c>POST /api/indicators</c> and <c>PUT /api/indicators/{id}</c>; each filter is the registry's query parameters.</summary>
public sealed record IndicatorRequest(
    string? NameVi, string? NameEn, string? Measure, List<FilterInput>? Filters, List<FilterInput>? Base, double? Target, string? Deadline, double? Figure)
{
    public IndicatorInput ToInput() => new(NameVi, NameEn, Measure, Filters, Base, Target, Deadline, Figure);
}

public sealed record IndicatorView(
    Guid Id, string NameVi, string NameEn, string Measure, IReadOnlyList<FilterInput> Filters, IReadOnlyList<FilterInput> Base,
    double Target, DateOnly Deadline, double? Figure, DateTimeOffset? FigureRecordedAt, bool Retired, DateTimeOffset DefinedAt, DateTimeOffset UpdatedAt)
{
    public static IndicatorView Of(Indicator i) => new(
        i.Id, i.Spec.NameVi, i.Spec.NameEn, KebabCase.Name(i.Spec.Measure), [.. i.Spec.Filters.Select(FilterInput.Of)], [.. i.Spec.Base.Select(FilterInput.Of)],
        i.Spec.Target, i.Spec.Deadline, i.Figure, i.FigureRecordedAt, i.Retired, i.DefinedAt, i.UpdatedAt);
}

public sealed record IndicatorValueView(Guid IndicatorId, string NameVi, string NameEn, string Measure, double? Value, double Target, DateOnly Deadline);

public sealed record SnapshotView(
    Guid Id, string Kind, string? Month, int RegistrySize, DateTimeOffset TakenAt, string TakenBy, IReadOnlyList<IndicatorValueView> Values)
{
    public static SnapshotView Of(IndicatorSnapshot s) => new(
        s.Id, KebabCase.Name(s.Kind), s.Month, s.RegistrySize, s.TakenAt, s.TakenBy,
        [.. s.Values.Select(v => new IndicatorValueView(v.IndicatorId, v.NameVi, v.NameEn, KebabCase.Name(v.Measure), v.Value, v.Target, v.Deadline))]);
}
