using System.Globalization;
using System.Text;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts;

/// <summary>Academic title (học hàm) conferred by the State Council for Professorship.</summary>
public enum AcademicTitle
{
    None,
    Pgs,
    Gs,
}

/// <summary>Highest degree (học vị); CK1/CK2 are the medical specialist levels, Bachelor covers ĐH, KS and CN.</summary>
public enum Degree
{
    Tskh,
    Ts,
    Ths,
    Ck1,
    Ck2,
    Bachelor,
    Other,
}

/// <summary>
/// How titles and degrees are written: the API's kebab-case names, the usual Vietnamese abbreviations
/// (as member lists spell them) and the words a search should find them by.
/// </summary>
public static class ExpertVocabulary
{
    private static readonly Dictionary<AcademicTitle, (string Abbreviation, string Words)> Titles = new()
    {
        [AcademicTitle.None] = ("", ""),
        [AcademicTitle.Pgs] = ("PGS", "phó giáo sư"),
        [AcademicTitle.Gs] = ("GS", "giáo sư"),
    };

    private static readonly Dictionary<Degree, (string Abbreviation, string Words, string[] Aliases)> Degrees = new()
    {
        [Degree.Tskh] = ("TSKH", "tiến sĩ khoa học", []),
        [Degree.Ts] = ("TS", "tiến sĩ", []),
        [Degree.Ths] = ("ThS", "thạc sĩ", []),
        [Degree.Ck1] = ("CK1", "chuyên khoa cấp I", ["CKI"]),
        [Degree.Ck2] = ("CK2", "chuyên khoa cấp II", ["CKII"]),
        [Degree.Bachelor] = ("ĐH", "đại học kỹ sư cử nhân", ["DH", "KS", "CN", "ĐH/KS/CN"]),
        [Degree.Other] = ("", "khác", ["khác", "khac"]),
    };

    public static string Abbreviation(AcademicTitle title) => Titles[title].Abbreviation;

    public static string Abbreviation(Degree degree) => Degrees[degree].Abbreviation;

    /// <summary>How counts by degree name it: the abbreviation, with "ĐH/KS/CN" for every bachelor's degree and "khác" for the rest.</summary>
    public static string Label(Degree degree) => degree switch
    {
        Degree.Bachelor => "ĐH/KS/CN",
        Degree.Other => DomainText.DegreeOther,
        _ => Abbreviation(degree),
    };

    public static string Words(AcademicTitle title) => Titles[title].Words;

    public static string Words(Degree degree) => Degrees[degree].Words;

    /// <summary>Reads <c>pgs</c>, <c>PGS</c>, <c>PGS.</c>; empty means none.</summary>
    public static bool TryParse(string? text, out AcademicTitle title)
    {
        var tidy = Tidy(text);
        if (tidy.Length == 0) { title = AcademicTitle.None; return true; }
        if (KebabCase.TryParse(tidy, out title)) return true;
        foreach (var (candidate, names) in Titles)
        {
            if (names.Abbreviation.Length > 0 && string.Equals(names.Abbreviation, tidy, StringComparison.OrdinalIgnoreCase)) { title = candidate; return true; }
        }
        return false;
    }

    /// <summary>Reads <c>ts</c>, <c>TS</c>, <c>ThS</c>, <c>CK1</c>, <c>ĐH</c>, <c>KS</c>, <c>khác</c> and the kebab-case names.</summary>
    public static bool TryParse(string? text, out Degree degree)
    {
        var tidy = Tidy(text);
        if (KebabCase.TryParse(tidy, out degree)) return true;
        foreach (var (candidate, names) in Degrees)
        {
            if (names.Aliases.Append(names.Abbreviation).Any(a => a.Length > 0 && string.Equals(a, tidy, StringComparison.OrdinalIgnoreCase)))
            {
                degree = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>The common search fold (<see cref="TextFold"/>), so registry and feedback searches treat "Hoàng Đức" and "hoang duc" alike.</summary>
    public static string Fold(string? text) => TextFold.Fold(text);

    private static string Tidy(string? text) => (text ?? "").Trim().TrimEnd('.').Normalize(NormalizationForm.FormC);
}
