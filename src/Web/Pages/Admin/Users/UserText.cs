using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Pages.Admin.Users;

/// <summary>Vietnamese names for what the user administration pages show.</summary>
public static class UserText
{
    /// <summary>Role names from the shared resources, as the "Tài khoản của tôi" page shows them.</summary>
    public static string Role(IStringLocalizer texts, Role role) => texts["Role" + role];

    public static string Roles(IStringLocalizer texts, IEnumerable<Role> roles) =>
        string.Join(", ", roles.Select(role => Role(texts, role))) is { Length: > 0 } names ? names : "(không có)";

    public static string Action(string action) => action switch
    {
        "registered" => "Tạo tài khoản",
        "registered-via-entra-id" => "Tạo khi đăng nhập lần đầu qua Entra ID",
        "roles-changed" => "Đổi vai trò",
        "agency-assigned" => "Đổi cơ quan",
        "deactivated" => "Vô hiệu hoá",
        "reactivated" => "Kích hoạt lại",
        "password-reset" => "Đặt lại mật khẩu",
        "password-changed" => "Đổi mật khẩu",
        "signed-in" => "Đăng nhập",
        "sign-in-failed" => "Đăng nhập sai",
        "locked-out" => "Tạm khoá do đăng nhập sai nhiều lần",
        _ => action,
    };

    public static string Time(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
