using System.Globalization;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators;

/// <summary>One registry filter as written in a request: the query parameters of <c>GET /api/experts</c>.</summary>
public sealed record FilterInput(string? Field, string? Degree, string? Title, string? Association, bool? InProvince, string? Q)
{
    public static FilterInput Of(RegistryFilter f) => new(
        f.Field, f.Degree is { } d ? KebabCase.Name(d) : null, f.Title is { } t ? KebabCase.Name(t) : null, f.Association?.ToString(), f.InProvince, f.Text);
}

/// <summary>An indicator as an admin writes it; <see cref="Figure"/> only for a manual one.</summary>
public sealed record IndicatorInput(
    string? NameVi, string? NameEn, string? Measure, IReadOnlyList<FilterInput>? Filters, IReadOnlyList<FilterInput>? Base,
    double? Target, string? Deadline, double? Figure)
{
    /// <summary>An indicator as it stands, written back as input: what a form that changes only some of it starts from.</summary>
    public static IndicatorInput Of(Indicator indicator)
    {
        var spec = indicator.Spec;
        return new IndicatorInput(spec.NameVi, spec.NameEn, KebabCase.Name(spec.Measure), [.. spec.Filters.Select(FilterInput.Of)], [.. spec.Base.Select(FilterInput.Of)],
            spec.Target, spec.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), indicator.Figure);
    }

    /// <summary>The indicator it describes, or the errors naming each field at fault (<c>filters[0].degree</c> for a filter's part).</summary>
    public (IndicatorSpec? Spec, Dictionary<string, string[]> Errors) ToSpec(IReadOnlyList<string> allowedFields)
    {
        var errors = new Dictionary<string, string[]>();
        var nameVi = Name(NameVi, "nameVi", errors);
        var nameEn = Name(NameEn, "nameEn", errors);
        var known = KebabCase.TryParse<IndicatorMeasure>(Measure, out var measure);
        if (!known) errors["measure"] = [DomainText.IndicatorMeasureInvalid];
        var filters = Parse(Filters, "filters", allowedFields, errors);
        var bases = Parse(Base, "base", allowedFields, errors);
        if (known && measure != IndicatorMeasure.Manual && Filters is not { Count: > 0 }) errors["filters"] = [DomainText.IndicatorFiltersRequired];
        if (known && measure == IndicatorMeasure.Share && Base is not { Count: > 0 }) errors["base"] = [DomainText.IndicatorBaseRequired];
        if (Target is not { } target || !double.IsFinite(target) || target < 0) errors["target"] = [DomainText.IndicatorTargetInvalid];
        else if (measure == IndicatorMeasure.Share && target > 100) errors["target"] = [DomainText.IndicatorSharePercent];
        if (!DateOnly.TryParseExact(Deadline?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            errors["deadline"] = [DomainText.IndicatorDeadlineInvalid];
        if (Figure is { } figure)
        {
            if (known && measure != IndicatorMeasure.Manual) errors["figure"] = [DomainText.IndicatorFigureOnlyManual];
            else if (!double.IsFinite(figure) || figure < 0) errors["figure"] = [DomainText.IndicatorFigureInvalid];
        }
        if (errors.Count > 0) return (null, errors);
        // A manual figure comes from outside the registry: no filter applies to it.
        var manual = measure == IndicatorMeasure.Manual;
        return (new IndicatorSpec(nameVi, nameEn, measure, manual ? [] : filters, measure == IndicatorMeasure.Share ? bases : [], Target!.Value, deadline), errors);
    }

    private static string Name(string? text, string field, Dictionary<string, string[]> errors)
    {
        var tidy = ManagedLists.Tidy(text);
        if (tidy.Length == 0) errors[field] = [DomainText.IndicatorNameRequired];
        else if (tidy.Length > Indicator.MaxNameLength) errors[field] = [DomainText.IndicatorNameTooLong(Indicator.MaxNameLength)];
        return tidy;
    }

    private static List<RegistryFilter> Parse(IReadOnlyList<FilterInput>? inputs, string field, IReadOnlyList<string> allowedFields, Dictionary<string, string[]> errors)
    {
        var parsed = new List<RegistryFilter>();
        if (inputs is null) return parsed;
        if (inputs.Count > Indicator.MaxFilters)
        {
            errors[field] = [DomainText.IndicatorTooManyFilters(Indicator.MaxFilters)];
            return parsed;
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            var f = inputs[i] ?? new FilterInput(null, null, null, null, null, null);
            var (filter, wrong) = RegistryFilter.Parse(f.Field, f.Degree, f.Title, f.Association, f.InProvince?.ToString(), f.Q, allowedFields);
            foreach (var (part, messages) in wrong) errors[$"{field}[{i}].{part}"] = messages;
            if (filter is not null) parsed.Add(filter);
        }
        return parsed;
    }

    /// <summary>Whether another indicator still followed already has this name (either language, case and diacritics ignored).</summary>
    public static bool NameTaken(IndicatorSpec spec, Guid self, IEnumerable<Indicator> existing)
    {
        var names = new[] { TextFold.Fold(spec.NameVi), TextFold.Fold(spec.NameEn) };
        return existing.Any(i => i.Id != self && !i.Retired
            && (names.Contains(TextFold.Fold(i.Spec.NameVi)) || names.Contains(TextFold.Fold(i.Spec.NameEn))));
    }
}
