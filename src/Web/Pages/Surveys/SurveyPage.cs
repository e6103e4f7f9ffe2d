using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Web.Pages.Surveys;

/// <summary>Texts the survey pages share.</summary>
public static class SurveyPage
{
    public static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.Single => "Chọn một",
        QuestionKind.Multiple => "Chọn nhiều",
        QuestionKind.Likert => "Thang điểm 1–5",
        QuestionKind.Number => "Số",
        _ => "Văn bản",
    };

    public static readonly IReadOnlyList<string> LikertLabels = ["Rất không đồng ý", "Không đồng ý", "Phân vân", "Đồng ý", "Rất đồng ý"];

    /// <summary>A group of respondents by field or degree; null gathers those whose profile did not say.</summary>
    public static string GroupLabel(string? group) => group ?? "Chưa khai báo trong hồ sơ";

    public static string Percent(decimal percent) => percent.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>One question's results broken down by one kind of group (field of expertise or degree), for <c>_GroupTable</c>.</summary>
public sealed record GroupTable(string Id, string Heading, string GroupHeading, SurveyQuestion Question, IReadOnlyList<GroupResult> Groups);
