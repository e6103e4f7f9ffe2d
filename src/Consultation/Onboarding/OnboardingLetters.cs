using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>What the e-mails of sign-up say, in Vietnamese like every notification.</summary>
public static class OnboardingLetters
{
    public const string VerifyPath = "/account/verify";

    public static Notice Verify(string fullName, string userName, string token) => new(
        NotificationKind.SignUp,
        "Xác nhận địa chỉ thư điện tử",
        $"Chào {fullName}, bạn vừa đăng ký tài khoản “{userName}”. Hãy mở liên kết dưới đây để xác nhận địa chỉ này (liên kết chỉ dùng được một lần). "
        + "Sau đó, Liên hiệp các hội khoa học và kỹ thuật sẽ xét duyệt yêu cầu của bạn. Nếu bạn không đăng ký, hãy bỏ qua thư này.",
        $"{VerifyPath}?token={token}");

    /// <summary>To the owner of an address someone signed up with again: no new account, and nothing said to the one who typed it.</summary>
    public static Notice AddressInUse() => new(
        NotificationKind.SignUp,
        "Địa chỉ của bạn đã có tài khoản",
        "Ai đó vừa đăng ký tài khoản mới bằng địa chỉ thư điện tử này, nhưng địa chỉ này đã gắn với một tài khoản hoặc một yêu cầu đăng ký. "
        + "Không có tài khoản mới nào được tạo. Nếu là bạn, hãy đăng nhập bằng tài khoản đã có; nếu không, hãy bỏ qua thư này.",
        "/account/login");

    public static Notice Approved(string fullName) => new(
        NotificationKind.SignUp,
        "Yêu cầu đăng ký đã được duyệt",
        $"Chào {fullName}, tài khoản của bạn đã được duyệt với vai trò chuyên gia. Bạn có thể đăng nhập và góp ý các dự thảo đang lấy ý kiến.",
        "/consultations");

    public static Notice Declined(string fullName, string reason) => new(
        NotificationKind.SignUp,
        "Yêu cầu đăng ký chưa được chấp thuận",
        $"Chào {fullName}, yêu cầu tham gia với vai trò chuyên gia của bạn chưa được chấp thuận. Lý do: {reason} "
        + "Bạn vẫn có thể đọc các dự thảo công khai.",
        "/consultations");
}
