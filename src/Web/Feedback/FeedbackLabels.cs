using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>Vietnamese names of the feedback enums, for pages.</summary>
public static class FeedbackLabels
{
    public static string Of(Stance stance) => stance.Vietnamese();

    public static string Of(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Published => "Đang hiển thị",
        FeedbackStatus.Withdrawn => "Đã rút",
        _ => "Đã bị ẩn",
    };

    public static string Of(ModerationCategory category) => category switch
    {
        ModerationCategory.Spam => "Quảng cáo, rác",
        ModerationCategory.Offensive => "Xúc phạm, thiếu văn hoá",
        ModerationCategory.PersonalData => "Lộ thông tin cá nhân",
        ModerationCategory.OffTopic => "Không đúng chủ đề",
        ModerationCategory.Duplicate => "Trùng lặp",
        _ => "Lý do khác",
    };

    public static string Of(Attribution attribution) => attribution == Attribution.Named ? "Ghi tên" : "Ẩn danh";
}
