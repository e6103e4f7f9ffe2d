using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Web.Pages.Admin.Users;

/// <summary>Names, in the page's language, for what the user administration pages show.</summary>
public static class UserText
{
    /// <summary>Role names from the shared resources, as the "my account" page shows them.</summary>
    public static string Role(IStringLocalizer texts, Role role) => texts["Role" + role];

    public static string Roles(IStringLocalizer texts, IEnumerable<Role> roles) =>
        string.Join(", ", roles.Select(role => Role(texts, role))) is { Length: > 0 } names ? names : texts["UserNoRoles"];

    public static string Action(IStringLocalizer texts, string action) =>
        texts["UserAction_" + action] is { ResourceNotFound: false } text ? text : action;

    public static string Time(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
