using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Web.Experts;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>Texts the survey pages share.</summary>
public static class SurveyPage
{
    public static string KindLabel(IStringLocalizer texts, QuestionKind kind) => texts["SurveyKind_" + kind];

    public static IReadOnlyList<string> LikertLabels(IStringLocalizer texts) => [.. Enumerable.Range(1, 5).Select(i => texts["SurveyLikert" + i].Value)];

    /// <summary>
    /// A group of respondents by field or degree; null gathers those whose profile did not say. A field reads in the
    /// reader's language, and so do the degrees the domain names with Vietnamese words (ĐH, khác).
    /// </summary>
    public static string GroupLabel(IStringLocalizer texts, string? group) => group switch
    {
        null => texts["SurveyGroupUndeclared"],
        _ when Consultations.ConsultationText.Field(texts, group) is var field && field != group => field,
        _ when ExpertVocabulary.TryParse(group, out Degree degree) && degree is Degree.Bachelor or Degree.Other => ExpertLabels.Of(texts, degree),
        _ => group,
    };

    public static string Percent(decimal percent) => percent.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>One question's results broken down by one kind of group (field of expertise or degree), for <c>_GroupTable</c>.</summary>
public sealed record GroupTable(string QuestionHeadingId, string Id, string Heading, string GroupHeading, SurveyQuestion Question, IReadOnlyList<GroupResult> Groups);
