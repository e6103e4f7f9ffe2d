using Microsoft.AspNetCore.Localization;

namespace Nq45Consult.Web.Shell;

/// <summary>The culture cookie the request localization reads: written by the header's switch and by the person's language choice.</summary>
public static class CultureCookie
{
    public static void Remember(HttpResponse response, string? culture)
    {
        var chosen = string.Equals(culture, ShellSetup.English.Name, StringComparison.OrdinalIgnoreCase) ? ShellSetup.English : ShellSetup.Vietnamese;
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}
