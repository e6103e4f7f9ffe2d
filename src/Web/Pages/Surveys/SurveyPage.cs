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
}
