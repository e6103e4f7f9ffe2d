using System.Globalization;
using Nq45Consult.Consultation.Accounts.Preferences;

namespace Nq45Consult.Consultation.Notifications;

/// <summary>
/// What each notification says, in Vietnamese and in English (each recipient reads the language of their account).
/// Pure functions of the facts, so the outbox stores the exact text the person will read.
/// </summary>
public static class NotificationTexts
{
    // Vietnam keeps one offset all year (no daylight saving), so a fixed offset is exact.
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string VietnamTime(DateTimeOffset at) => VietnamTime(at, Languages.Vietnamese);

    public static string VietnamTime(DateTimeOffset at, string language) =>
        Languages.IsEnglish(language)
            ? at.ToOffset(VietnamOffset).ToString("HH:mm 'on' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (Vietnam time)"
            : at.ToOffset(VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (giờ Việt Nam)";

    private static string EnglishTime(DateTimeOffset at) => VietnamTime(at, Languages.English);

    public static string ConsultationLink(string slug) => $"/consultations/{slug}";

    /// <summary>A notice written in both languages.</summary>
    public static Notice Both(NotificationKind kind, string link, NoticeText vietnamese, NoticeText english) =>
        new(kind, vietnamese.Title, vietnamese.Body, link) { English = english };

    public static Notice Invitation(string title, string agency, DateTimeOffset closesAt, string slug) => Both(
        NotificationKind.Invitation, ConsultationLink(slug),
        new($"Lời mời góp ý: {title}", $"Bạn được mời phản biện dự thảo “{title}” của {agency}. Hạn góp ý: {VietnamTime(closesAt)}."),
        new($"Invitation to comment: {title}", $"You are invited to critique the draft “{title}” by {agency}. Comments close at {EnglishTime(closesAt)}."));

    /// <summary>An invitation to someone without an account: the link (with its single-use token) leads to the page that creates one.</summary>
    public static Notice InvitationByEmail(string title, string agency, DateTimeOffset closesAt, string? sessionTitle, string link) => Both(
        NotificationKind.Invitation, link,
        new(sessionTitle is null ? $"Lời mời góp ý: {title}" : $"Lời mời dự phiên đối thoại: {sessionTitle}",
            (sessionTitle is null ? $"Bạn được mời phản biện dự thảo “{title}” của {agency}."
                : $"Bạn được mời dự phiên đối thoại trực tuyến “{sessionTitle}” về dự thảo “{title}” của {agency}.")
            + $" Hạn góp ý: {VietnamTime(closesAt)}. Hãy mở liên kết dưới đây để tạo tài khoản (liên kết chỉ dùng được một lần)."),
        new(sessionTitle is null ? $"Invitation to comment: {title}" : $"Invitation to a dialogue session: {sessionTitle}",
            (sessionTitle is null ? $"You are invited to critique the draft “{title}” by {agency}."
                : $"You are invited to the online dialogue session “{sessionTitle}” on the draft “{title}” by {agency}.")
            + $" Comments close at {EnglishTime(closesAt)}. Open the link below to create your account (it works only once)."));

    public static Notice Opened(string title, DateTimeOffset closesAt, string slug) => Both(
        NotificationKind.ConsultationOpened, ConsultationLink(slug),
        new($"Đã mở lấy ý kiến: {title}", $"Dự thảo “{title}” đã mở để các chuyên gia góp ý đến {VietnamTime(closesAt)}."),
        new($"Open for comments: {title}", $"The draft “{title}” is open for experts' comments until {EnglishTime(closesAt)}."));

    public static Notice ClosingSoon(string title, DateTimeOffset closesAt, string slug) => Both(
        NotificationKind.ConsultationClosingSoon, ConsultationLink(slug),
        new($"Sắp hết hạn góp ý: {title}",
            $"Đợt lấy ý kiến về dự thảo “{title}” sẽ kết thúc lúc {VietnamTime(closesAt)}. Đừng bỏ lỡ cơ hội gửi góp ý của bạn."),
        new($"Comments close soon: {title}",
            $"The consultation on the draft “{title}” ends at {EnglishTime(closesAt)}. Don't miss the chance to send your comments."));

    public static Notice SessionStarted(string sessionTitle, string consultationTitle, Guid sessionId) => Both(
        NotificationKind.SessionStarted, $"/sessions/{sessionId}",
        new($"Phiên đối thoại đang diễn ra: {sessionTitle}",
            $"Phiên đối thoại trực tuyến “{sessionTitle}” về dự thảo “{consultationTitle}” đã bắt đầu. Mời bạn tham gia."),
        new($"Dialogue session under way: {sessionTitle}",
            $"The online dialogue session “{sessionTitle}” on the draft “{consultationTitle}” has started. You are welcome to join."));

    public static Notice ResponsePublished(string title, int items, string slug) => Both(
        NotificationKind.ResponsePublished, ConsultationLink(slug),
        new("Góp ý của bạn đã được giải trình", items == 1
            ? $"Cơ quan soạn thảo đã công bố ý kiến tiếp thu, giải trình cho góp ý của bạn về dự thảo “{title}”."
            : $"Cơ quan soạn thảo đã công bố ý kiến tiếp thu, giải trình cho {items} góp ý của bạn về dự thảo “{title}”."),
        new("Your feedback has been answered", items == 1
            ? $"The drafting agency has published its response to your comment on the draft “{title}”."
            : $"The drafting agency has published its responses to {items} of your comments on the draft “{title}”."));

    public static Notice ItemHidden(string title, string reason, Guid feedbackId) => Both(
        NotificationKind.ItemHidden, MyItemLink(feedbackId),
        new("Góp ý của bạn đã bị ẩn", $"Người điều phối đã ẩn một góp ý của bạn về dự thảo “{title}”. Lý do: {reason}"),
        new("Your comment has been hidden", $"A moderator hid one of your comments on the draft “{title}”. Reason: {reason}"));

    public static Notice ItemRestored(string title, string reason, Guid feedbackId) => Both(
        NotificationKind.ItemRestored, MyItemLink(feedbackId),
        new("Góp ý của bạn đã được hiển thị lại", $"Người điều phối đã hiển thị lại góp ý của bạn về dự thảo “{title}”. Lý do: {reason}"),
        new("Your comment is visible again", $"A moderator made your comment on the draft “{title}” visible again. Reason: {reason}"));

    public static Notice RecommendationOverdue(string topic, string agency, DateTimeOffset dueAt, Guid recommendationId) => Both(
        NotificationKind.RecommendationOverdue, $"/recommendations#recommendation-{recommendationId}",
        new($"Kiến nghị quá hạn trả lời: {topic}", $"Kiến nghị “{topic}” đã chuyển tới {agency} và đã quá hạn trả lời ({VietnamTime(dueAt)})."),
        new($"Recommendation overdue: {topic}", $"The recommendation “{topic}” was routed to {agency} and its answer is overdue ({EnglishTime(dueAt)})."));

    /// <summary>The e-mail of a "forgot password" request: the link (with its single-use token) to choose a new password.</summary>
    public static Notice PasswordResetLink(string userName, DateTimeOffset expiresAt, string link) => Both(
        NotificationKind.AccountSecurity, link,
        new("Đặt lại mật khẩu",
            $"Có yêu cầu đặt lại mật khẩu cho tài khoản “{userName}” trên cổng phản biện Nq45Consult. Hãy mở liên kết dưới đây để chọn mật khẩu mới "
            + $"(liên kết chỉ dùng được một lần, đến {VietnamTime(expiresAt)}); mọi phiên đăng nhập khác của tài khoản sẽ kết thúc. "
            + "Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi."),
        new("Reset your password",
            $"Someone asked to reset the password of the account “{userName}” on the Nq45Consult consultation platform. Open the link below to choose "
            + $"a new password (it works only once, until {EnglishTime(expiresAt)}); every other session of the account will end. "
            + "If you did not ask for this, ignore this e-mail: your password stays as it is."));

    /// <summary>To the new address of an e-mail change: the link (with its single-use token) that makes it the account's.</summary>
    public static Notice EmailChangeLink(string userName, string newEmail, DateTimeOffset expiresAt, string link) => Both(
        NotificationKind.AccountSecurity, link,
        new("Xác nhận địa chỉ thư điện tử mới",
            $"Tài khoản “{userName}” trên cổng phản biện Nq45Consult muốn dùng địa chỉ {newEmail} từ nay. Hãy mở liên kết dưới đây để xác nhận "
            + $"(liên kết chỉ dùng được một lần, đến {VietnamTime(expiresAt)}). Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: không có gì thay đổi."),
        new("Confirm your new e-mail address",
            $"The account “{userName}” on the Nq45Consult consultation platform wants to use the address {newEmail} from now on. Open the link below "
            + $"to confirm it (it works only once, until {EnglishTime(expiresAt)}). If you did not ask for this, ignore this e-mail: nothing changes."));

    /// <summary>To the current address of an account whose person asked to change it: the request, and what to do if it was not them.</summary>
    public static Notice EmailChangeNotice(string userName, string newEmail, DateTimeOffset at) => Both(
        NotificationKind.AccountSecurity, "/account/forgot",
        new("Có yêu cầu đổi địa chỉ thư điện tử",
            $"Lúc {VietnamTime(at)} có yêu cầu đổi địa chỉ thư điện tử của tài khoản “{userName}” trên cổng phản biện Nq45Consult sang {newEmail}. "
            + "Địa chỉ chỉ đổi khi liên kết gửi tới địa chỉ mới được mở. Nếu không phải bạn yêu cầu, hãy đổi mật khẩu ngay (liên kết dưới đây)."),
        new("A change of your e-mail address was asked",
            $"At {EnglishTime(at)} someone asked to change the e-mail address of the account “{userName}” on the Nq45Consult consultation platform "
            + $"to {newEmail}. The address changes only when the link sent to the new address is opened. If it was not you, change your password now (link below)."));

    /// <summary>Kinds a person may turn off by e-mail; mail about their own account (its security, its sign-up) is always sent.</summary>
    public static bool Optional(NotificationKind kind) => kind is not (NotificationKind.AccountSecurity or NotificationKind.SignUp);

    private static string MyItemLink(Guid feedbackId) => $"/me/feedback#item-{feedbackId}";

    /// <summary>What each kind is called on the preferences page and in the API's documentation.</summary>
    public static string KindName(NotificationKind kind) => KindName(kind, Languages.Vietnamese);

    public static string KindName(NotificationKind kind, string language) => Languages.IsEnglish(language)
        ? kind switch
        {
            NotificationKind.Invitation => "An invitation to comment on a draft",
            NotificationKind.ConsultationOpened => "A consultation opens",
            NotificationKind.ConsultationClosingSoon => "The last three days before a consultation closes",
            NotificationKind.SessionStarted => "An online dialogue session starts",
            NotificationKind.ResponsePublished => "My feedback is answered",
            NotificationKind.ItemHidden => "My feedback is hidden",
            NotificationKind.ItemRestored => "My feedback is visible again",
            NotificationKind.RecommendationOverdue => "A recommendation's answer is overdue (officials, moderators)",
            NotificationKind.AccountSecurity => "E-mails about my account (password reset, change of address)",
            NotificationKind.SignUp => "Sign-up: address confirmation, the review's outcome",
            NotificationKind.CaseCouncilInvitation => "An invitation to sit on a case's expert council",
            NotificationKind.CaseDeclined => "The Union declines my agency's request (officials)",
            NotificationKind.CaseReportSent => "The Union sends my agency a case's report (officials)",
            _ => kind.ToString(),
        }
        : kind switch
        {
            NotificationKind.Invitation => "Lời mời góp ý một dự thảo",
            NotificationKind.ConsultationOpened => "Một đợt lấy ý kiến được mở",
            NotificationKind.ConsultationClosingSoon => "Ba ngày cuối trước khi đợt lấy ý kiến kết thúc",
            NotificationKind.SessionStarted => "Phiên đối thoại trực tuyến bắt đầu",
            NotificationKind.ResponsePublished => "Góp ý của tôi được tiếp thu, giải trình",
            NotificationKind.ItemHidden => "Góp ý của tôi bị ẩn",
            NotificationKind.ItemRestored => "Góp ý của tôi được hiển thị lại",
            NotificationKind.RecommendationOverdue => "Một kiến nghị quá hạn trả lời (cán bộ, người kiểm duyệt)",
            NotificationKind.AccountSecurity => "Thư về tài khoản của tôi (đặt lại mật khẩu, đổi địa chỉ thư)",
            NotificationKind.SignUp => "Đăng ký tài khoản: xác nhận địa chỉ, kết quả xét duyệt",
            NotificationKind.CaseCouncilInvitation => "Lời mời tham gia hội đồng chuyên gia của một hồ sơ",
            NotificationKind.CaseDeclined => "Liên hiệp hội từ chối đề nghị của cơ quan tôi (cán bộ)",
            NotificationKind.CaseReportSent => "Liên hiệp hội gửi báo cáo của một hồ sơ tới cơ quan tôi (cán bộ)",
            _ => kind.ToString(),
        };
}
