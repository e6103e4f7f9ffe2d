using System.Globalization;
using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Indicators;

namespace Nq45Consult.Web.Pages.Experts;

/// <summary>
/// An indicator as the page's form writes it: every value as typed (numbers as the number inputs send them, with a point
/// whatever the page's language), so a bad one goes to the handler, which names it, and comes back beside its field.
/// </summary>
public sealed partial class IndicatorForm
{
    public string? NameVi { get; set; }
    public string? NameEn { get; set; }
    public string? Measure { get; set; }
    public List<FilterRow> Filters { get; set; } = [];
    public List<FilterRow> Base { get; set; } = [];
    public string? Target { get; set; }
    public string? Deadline { get; set; }
    public string? Figure { get; set; }

    public static IndicatorForm Blank() => new() { Measure = KebabCase.Name(IndicatorMeasure.Count) };

    public static IndicatorForm Of(Indicator indicator)
    {
        var input = IndicatorInput.Of(indicator);
        return new()
        {
            NameVi = input.NameVi, NameEn = input.NameEn, Measure = input.Measure,
            Filters = [.. input.Filters!.Select(FilterRow.Of)], Base = [.. input.Base!.Select(FilterRow.Of)],
            Target = input.Target?.ToString(CultureInfo.InvariantCulture), Deadline = input.Deadline,
            Figure = input.Figure?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The rows the form shows: those written, and one empty row to add a condition.</summary>
    public static IReadOnlyList<FilterRow> WithSpare(IReadOnlyList<FilterRow> rows) => [.. rows.Where(r => !r.Blank), new FilterRow()];

    /// <summary>
    /// What the handler decides on. Rows left empty are no condition (an empty filter would count the whole registry);
    /// a figure left empty changes nothing, one that does not read is refused.
    /// </summary>
    public IndicatorInput ToInput() => new(
        NameVi, NameEn, Measure, [.. Written(Filters).Select(r => r.ToInput())], [.. Written(Base).Select(r => r.ToInput())],
        Number(Target), Deadline, string.IsNullOrWhiteSpace(Figure) ? null : Number(Figure) ?? double.NaN);

    /// <summary>
    /// The decision's errors keyed as the form shows its fields: <c>filters[1].degree</c> of the input is the second
    /// written row, which may be another row of the form when an empty one came before it.
    /// </summary>
    public Dictionary<string, string[]> ErrorsOnForm(IReadOnlyDictionary<string, string[]> errors) => errors.ToDictionary(e =>
    {
        if (RowKey().Match(e.Key) is not { Success: true } m) return e.Key;
        var rows = m.Groups[1].Value == "filters" ? Filters : Base;
        var written = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Blank).ToList();
        var at = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return at < written.Count ? $"{m.Groups[1].Value}[{written[at]}]{m.Groups[3].Value}" : e.Key;
    }, e => e.Value);

    private static IEnumerable<FilterRow> Written(List<FilterRow> rows) => rows.Where(r => !r.Blank);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(filters|base)\[(\d+)\](.*)$")]
    private static partial Regex RowKey();
}

/// <summary>One registry filter as the form's controls write it: the same parts as the registry's own filters.</summary>
public sealed class FilterRow
{
    public string? Field { get; set; }
    public string? Degree { get; set; }
    public string? Title { get; set; }
    public string? Association { get; set; }
    public string? InProvince { get; set; }
    public string? Q { get; set; }

    public bool Blank => new[] { Field, Degree, Title, Association, InProvince, Q }.All(string.IsNullOrWhiteSpace);

    public static FilterRow Of(FilterInput f) => new()
    {
        Field = f.Field, Degree = f.Degree, Title = f.Title, Association = f.Association,
        InProvince = f.InProvince is { } inside ? (inside ? "true" : "false") : null, Q = f.Q,
    };

    public FilterInput ToInput() => new(
        NullIfBlank(Field), NullIfBlank(Degree), NullIfBlank(Title), NullIfBlank(Association), bool.TryParse(InProvince, out var inside) ? inside : null, NullIfBlank(Q));

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>
/// What <c>_IndicatorForm</c> renders: the form (the new indicator's, or one indicator's with <see cref="Id"/>), its errors
/// keyed as <see cref="IndicatorForm.ErrorsOnForm"/> keys them, the registry's choices, and ids unique on the page (<see cref="Prefix"/>).
/// </summary>
public sealed record IndicatorFormView(
    string Prefix, string Handler, Guid? Id, IndicatorForm Form, IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<string> Fields, IReadOnlyList<MemberAssociation> Associations, string Submit)
{
    /// <summary>The id of the control for an error key: <c>filters[1].degree</c> → <c>{prefix}-filters-1-degree</c>.</summary>
    public string ControlId(string key) => $"{Prefix}-{key.Replace("].", "-", StringComparison.Ordinal).Replace('[', '-').Replace(']', '-').TrimEnd('-')}";

    public string[]? ErrorsFor(string key) => Errors.TryGetValue(key, out var messages) ? messages : null;

    /// <summary>The error's id when the field has one (for <c>aria-describedby</c>), else null, so the attribute is left out.</summary>
    public string? ErrorId(string key) => Errors.ContainsKey(key) ? ControlId(key) + "-error" : null;
}
