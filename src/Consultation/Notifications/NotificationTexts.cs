using System.Globalization;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>
/// What each notification says, in Vietnamese (accounts carry no language yet, and the platform's audience reads
/// Vietnamese first). Pure functions of the facts, so the outbox stores the exact text the person will read.
/// </summary>
public static class NotificationTexts
{
    // Vietnam keeps one offset all year (no daylight saving), so a fixed offset is exact.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string VietnamTime(DateTimeOffset at) =>
        at.ToOffset(VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (giờ Việt Nam)";

    public static string ConsultationLink(string slug) => $"/consultations/{slug}";

    public static Notice Invitation(string title, string agency, DateTimeOffset closesAt, string slug) => new(
        NotificationKind.Invitation,
        $"Lời mời góp ý: {title}",
        $"Bạn được mời phản biện dự thảo “{title}” của {agency}. Hạn góp ý: {VietnamTime(closesAt)}.",
        ConsultationLink(slug));

    /// <summary>An invitation to someone without an account: the link (with its single-use token) leads to the page that creates one.</summary>
    public static Notice InvitationByEmail(string title, string agency, DateTimeOffset closesAt, string? sessionTitle, string link) => new(
        NotificationKind.Invitation,
        sessionTitle is null ? $"Lời mời góp ý: {title}" : $"Lời mời dự phiên đối thoại: {sessionTitle}",
        (sessionTitle is null ? $"Bạn được mời phản biện dự thảo “{title}” của {agency}."
            : $"Bạn được mời dự phiên đối thoại trực tuyến “{sessionTitle}” về dự thảo “{title}” của {agency}.")
        + $" Hạn góp ý: {VietnamTime(closesAt)}. Hãy mở liên kết dưới đây để tạo tài khoản (liên kết chỉ dùng được một lần).",
        link);

    public static Notice Opened(string title, DateTimeOffset closesAt, string slug) => new(
        NotificationKind.ConsultationOpened,
        $"Đã mở lấy ý kiến: {title}",
        $"Dự thảo “{title}” đã mở để các chuyên gia góp ý đến {VietnamTime(closesAt)}.",
        ConsultationLink(slug));

    public static Notice ClosingSoon(string title, DateTimeOffset closesAt, string slug) => new(
        NotificationKind.ConsultationClosingSoon,
        $"Sắp hết hạn góp ý: {title}",
        $"Đợt lấy ý kiến về dự thảo “{title}” sẽ kết thúc lúc {VietnamTime(closesAt)}. Đừng bỏ lỡ cơ hội gửi góp ý của bạn.",
        ConsultationLink(slug));

    public static Notice SessionStarted(string sessionTitle, string consultationTitle, Guid sessionId) => new(
        NotificationKind.SessionStarted,
        $"Phiên đối thoại đang diễn ra: {sessionTitle}",
        $"Phiên đối thoại trực tuyến “{sessionTitle}” về dự thảo “{consultationTitle}” đã bắt đầu. Mời bạn tham gia.",
        $"/sessions/{sessionId}");

    public static Notice ResponsePublished(string title, int items, string slug) => new(
        NotificationKind.ResponsePublished,
        "Góp ý của bạn đã được giải trình",
        items == 1
            ? $"Cơ quan soạn thảo đã công bố ý kiến tiếp thu, giải trình cho góp ý của bạn về dự thảo “{title}”."
            : $"Cơ quan soạn thảo đã công bố ý kiến tiếp thu, giải trình cho {items} góp ý của bạn về dự thảo “{title}”.",
        ConsultationLink(slug));

    public static Notice ItemHidden(string title, string reason, Guid feedbackId) => new(
        NotificationKind.ItemHidden,
        "Góp ý của bạn đã bị ẩn",
        $"Người điều phối đã ẩn một góp ý của bạn về dự thảo “{title}”. Lý do: {reason}",
        MyItemLink(feedbackId));

    public static Notice ItemRestored(string title, string reason, Guid feedbackId) => new(
        NotificationKind.ItemRestored,
        "Góp ý của bạn đã được hiển thị lại",
        $"Người điều phối đã hiển thị lại góp ý của bạn về dự thảo “{title}”. Lý do: {reason}",
        MyItemLink(feedbackId));

    public static Notice RecommendationOverdue(string topic, string agency, DateTimeOffset dueAt, Guid recommendationId) => new(
        NotificationKind.RecommendationOverdue,
        $"Kiến nghị quá hạn trả lời: {topic}",
        $"Kiến nghị “{topic}” đã chuyển tới {agency} và đã quá hạn trả lời ({VietnamTime(dueAt)}).",
        $"/recommendations#recommendation-{recommendationId}");

    private static string MyItemLink(Guid feedbackId) => $"/me/feedback#item-{feedbackId}";

    /// <summary>What each kind is called on the preferences page and in the API's documentation.</summary>
    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.Invitation => "Lời mời góp ý một dự thảo",
        NotificationKind.ConsultationOpened => "Một đợt lấy ý kiến được mở",
        NotificationKind.ConsultationClosingSoon => "Ba ngày cuối trước khi đợt lấy ý kiến kết thúc",
        NotificationKind.SessionStarted => "Phiên đối thoại trực tuyến bắt đầu",
        NotificationKind.ResponsePublished => "Góp ý của tôi được tiếp thu, giải trình",
        NotificationKind.ItemHidden => "Góp ý của tôi bị ẩn",
        NotificationKind.ItemRestored => "Góp ý của tôi được hiển thị lại",
        NotificationKind.RecommendationOverdue => "Một kiến nghị quá hạn trả lời (cán bộ, người kiểm duyệt)",
        NotificationKind.SignUp => "Đăng ký tài khoản: xác nhận địa chỉ, kết quả xét duyệt",
        _ => kind.ToString(),
    };
}
