using System.Globalization;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// The language of the request being served (the culture request localization chose: <c>?culture=</c> or the language
/// cookie), which the e-mails it causes are written in when their recipient has no account language.
/// </summary>
public static class RequestLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
