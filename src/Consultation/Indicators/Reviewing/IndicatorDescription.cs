using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators.Reviewing;

/// <summary>How an indicator is computed, in words, for the review's "Cách tính" column (Vietnamese, as the report is).</summary>
public static class IndicatorDescription
{
    public static string Of(IndicatorSpec spec, IReadOnlyList<MemberAssociation> associations) => spec.Measure switch
    {
        IndicatorMeasure.Count => $"Số người trong cơ sở dữ liệu về đội ngũ trí thức có {Filters(spec.Filters, associations)}.",
        IndicatorMeasure.Share => $"Tỷ lệ (%) người có {Filters(spec.Filters, associations)} trong số người có {Filters(spec.Base, associations)}.",
        _ => "Số liệu do quản trị viên nhập (cơ sở dữ liệu về đội ngũ trí thức không có số liệu này).",
    };

    /// <summary>Filters joined by "hoặc"; filters naming a degree only are written as one list of degrees.</summary>
    private static string Filters(IReadOnlyList<RegistryFilter> filters, IReadOnlyList<MemberAssociation> associations)
    {
        if (filters.All(f => f.Degree is not null && f with { Degree = null } == new RegistryFilter()))
            return "học vị " + Either(filters.Select(f => ExpertVocabulary.Abbreviation(f.Degree!.Value)).ToList());
        return Either(filters.Select(f => Filter(f, associations)).ToList());
    }

    private static string Either(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} hoặc {parts[^1]}";

    private static string Filter(RegistryFilter f, IReadOnlyList<MemberAssociation> associations)
    {
        var parts = new List<string>();
        if (f.Field is { } field) parts.Add($"lĩnh vực {field}");
        if (f.Degree is { } degree) parts.Add($"học vị {ExpertVocabulary.Abbreviation(degree)}");
        if (f.Title is { } title) parts.Add(title == AcademicTitle.None ? "không có học hàm" : $"học hàm {ExpertVocabulary.Abbreviation(title)}");
        if (f.Association is { } id) parts.Add($"thuộc {associations.FirstOrDefault(a => a.Id == id)?.Name ?? "hội đã xoá khỏi danh sách"}");
        if (f.InProvince is { } inside) parts.Add(inside ? "làm việc trong tỉnh" : "làm việc ngoài tỉnh");
        if (!string.IsNullOrWhiteSpace(f.Text)) parts.Add($"từ khoá \"{f.Text.Trim()}\"");
        return parts.Count == 0 ? "hồ sơ bất kỳ" : string.Join(", ", parts);
    }
}
