using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>What the e-mails of sign-up say, in Vietnamese and in English (the outbox picks the recipient's language).</summary>
public static class OnboardingLetters
{
    public const string VerifyPath = "/account/verify";

    public static Notice Verify(string fullName, string userName, string token) => new(
        NotificationKind.SignUp,
        "Xác nhận địa chỉ thư điện tử",
        $"Chào {fullName}, bạn vừa đăng ký tài khoản “{userName}”. Hãy mở liên kết dưới đây để xác nhận địa chỉ này (liên kết chỉ dùng được một lần). "
        + "Sau đó, Liên hiệp các hội khoa học và kỹ thuật sẽ xét duyệt yêu cầu của bạn. Nếu bạn không đăng ký, hãy bỏ qua thư này.",
        $"{VerifyPath}?token={token}")
    {
        English = new("Confirm your e-mail address",
            $"Hello {fullName}, you have just signed up for the account “{userName}”. Open the link below to confirm this address (the link works only once). "
            + "The Union of Science and Technology Associations will then review your request. If you did not sign up, ignore this e-mail."),
    };

    /// <summary>To the owner of an address someone signed up with again: no new account, and nothing said to the one who typed it.</summary>
    public static Notice AddressInUse() => new(
        NotificationKind.SignUp,
        "Địa chỉ của bạn đã có tài khoản",
        "Ai đó vừa đăng ký tài khoản mới bằng địa chỉ thư điện tử này, nhưng địa chỉ này đã gắn với một tài khoản hoặc một yêu cầu đăng ký. "
        + "Không có tài khoản mới nào được tạo. Nếu là bạn, hãy đăng nhập bằng tài khoản đã có; nếu không, hãy bỏ qua thư này.",
        "/account/login")
    {
        English = new("Your address already has an account",
            "Someone has just signed up for a new account with this e-mail address, but the address already belongs to an account or a sign-up request. "
            + "No new account was created. If it was you, sign in with your existing account; if not, ignore this e-mail."),
    };

    public static Notice Approved(string fullName) => new(
        NotificationKind.SignUp,
        "Yêu cầu đăng ký đã được duyệt",
        $"Chào {fullName}, tài khoản của bạn đã được duyệt với vai trò chuyên gia. Bạn có thể đăng nhập và góp ý các dự thảo đang lấy ý kiến.",
        "/consultations")
    {
        English = new("Your sign-up request has been approved",
            $"Hello {fullName}, your account has been approved with the expert role. You can sign in and comment on the drafts open for consultation."),
    };

    public static Notice Declined(string fullName, string reason) => new(
        NotificationKind.SignUp,
        "Yêu cầu đăng ký chưa được chấp thuận",
        $"Chào {fullName}, yêu cầu tham gia với vai trò chuyên gia của bạn chưa được chấp thuận. Lý do: {reason} "
        + "Bạn vẫn có thể đọc các dự thảo công khai.",
        "/consultations")
    {
        English = new("Your sign-up request was not accepted",
            $"Hello {fullName}, your request to join as an expert was not accepted. Reason: {reason} "
            + "You can still read the public drafts."),
    };
}
