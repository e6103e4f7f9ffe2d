using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>What the e-mails of sign-up say, in Vietnamese and in English (the person's language, else their request's).</summary>
public static class OnboardingLetters
{
    public const string VerifyPath = "/account/verify";

    private static Notice SignUp(string link, NoticeText vietnamese, NoticeText english) =>
        NotificationTexts.Both(NotificationKind.SignUp, link, vietnamese, english);

    public static Notice Verify(string fullName, string userName, string token) => SignUp(
        $"{VerifyPath}?token={token}",
        new("Xác nhận địa chỉ thư điện tử",
            $"Chào {fullName}, bạn vừa đăng ký tài khoản “{userName}”. Hãy mở liên kết dưới đây để xác nhận địa chỉ này (liên kết chỉ dùng được một lần). "
            + "Sau đó, Liên hiệp các hội khoa học và kỹ thuật sẽ xét duyệt yêu cầu của bạn. Nếu bạn không đăng ký, hãy bỏ qua thư này."),
        new("Confirm your e-mail address",
            $"Hello {fullName}, you have just signed up for the account “{userName}”. Open the link below to confirm this address (it works only once). "
            + "The Union of Science and Technology Associations will then review your request. If you did not sign up, ignore this e-mail."));

    /// <summary>To the owner of an address someone signed up with again: no new account, and nothing said to the one who typed it.</summary>
    public static Notice AddressInUse() => SignUp(
        "/account/login",
        new("Địa chỉ của bạn đã có tài khoản",
            "Ai đó vừa đăng ký tài khoản mới bằng địa chỉ thư điện tử này, nhưng địa chỉ này đã gắn với một tài khoản hoặc một yêu cầu đăng ký. "
            + "Không có tài khoản mới nào được tạo. Nếu là bạn, hãy đăng nhập bằng tài khoản đã có; nếu không, hãy bỏ qua thư này."),
        new("Your address already has an account",
            "Someone has just signed up for a new account with this e-mail address, but it already belongs to an account or a sign-up request. "
            + "No new account was created. If it was you, sign in with your existing account; otherwise, ignore this e-mail."));

    public static Notice Approved(string fullName) => SignUp(
        "/consultations",
        new("Yêu cầu đăng ký đã được duyệt",
            $"Chào {fullName}, tài khoản của bạn đã được duyệt với vai trò chuyên gia. Bạn có thể đăng nhập và góp ý các dự thảo đang lấy ý kiến."),
        new("Your sign-up has been approved",
            $"Hello {fullName}, your account has been approved as an expert. You can sign in and comment on the drafts open for consultation."));

    public static Notice Declined(string fullName, string reason) => SignUp(
        "/consultations",
        new("Yêu cầu đăng ký chưa được chấp thuận",
            $"Chào {fullName}, yêu cầu tham gia với vai trò chuyên gia của bạn chưa được chấp thuận. Lý do: {reason} "
            + "Bạn vẫn có thể đọc các dự thảo công khai."),
        new("Your sign-up was not approved",
            $"Hello {fullName}, your request to take part as an expert was not approved. Reason: {reason} "
            + "You can still read the public drafts."));
}
