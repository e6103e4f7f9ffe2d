using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Experts;

namespace Nq45Consult.Web.Experts;

/// <summary>
/// Academic titles and degrees in the reader's language, looked up by the enum value (the domain writes them the
/// Vietnamese way). The abbreviated degrees (TSKH, TS, ThS, CK1, CK2) are the degrees' own names and stay as they are.
/// </summary>
public static class ExpertLabels
{
    public static string Of(IStringLocalizer texts, Degree degree) => degree switch
    {
        Degree.Bachelor => texts["ExpertsBachelor"],
        Degree.Other => texts["ExpertsOtherDegree"],
        _ => ExpertVocabulary.Abbreviation(degree),
    };

    public static string Of(IStringLocalizer texts, AcademicTitle title) => texts["AcademicTitle_" + title];

    /// <summary>A title sent by its kebab-case name (as the sign-up queue holds it), in the reader's language.</summary>
    public static string OfTitle(IStringLocalizer texts, string name) => KebabCase.TryParse<AcademicTitle>(name, out var title) ? Of(texts, title) : name;

    /// <summary>A degree sent by its kebab-case name (as the sign-up queue holds it), in the reader's language.</summary>
    public static string OfDegree(IStringLocalizer texts, string name) => KebabCase.TryParse<Degree>(name, out var degree) ? Of(texts, degree) : name;
}
