namespace Nq45Consult.Consultation.Recommendations;

/// <summary>Refusals added with agency routing, in one place while the domain's texts move into resources.</summary>
public static class RecommendationText
{
    public const string NotYourAgency = "Chỉ cán bộ của cơ quan được chuyển kiến nghị mới trả lời kiến nghị này.";
    public const string AgencyRequired = "Cần chọn cơ quan tiếp nhận.";
    public const string UnknownAgency = "Không có cơ quan này.";
    public const string RetiredAgency = "Cơ quan \"{0}\" đã ngừng, không chọn được nữa.";
}
