using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Nq45Consult.Web.Resources;

/// <summary>
/// A text of the interface that names something people wrote (a consultation's title, a person's name): the text is in
/// the reader's language, the name is what it is, in Vietnamese, and is marked so (<c>lang="vi"</c>) for screen
/// readers and for the test that reads English pages for Vietnamese left in the interface.
/// </summary>
public static partial class ContentText
{
    /// <summary>
    /// The resource <paramref name="key"/> with its placeholders filled in: each string argument is content and comes
    /// inside <c>&lt;span lang="vi"&gt;</c>; any other argument (a number, a count) is formatted in the current culture.
    /// </summary>
    public static IHtmlContent WithContent(this IStringLocalizer texts, string key, params object[] arguments)
    {
        var format = texts[key].Value;
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            html.Append(format[at..placeholder.Index]);
            var argument = arguments[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)];
            if (argument is string content) html.AppendHtml("<span lang=\"vi\">").Append(content).AppendHtml("</span>");
            else html.Append(string.Format(CultureInfo.CurrentCulture, "{0" + placeholder.Groups[2].Value + "}", argument));
            at = placeholder.Index + placeholder.Length;
        }
        return html.Append(format[at..]);
    }

    [GeneratedRegex(@"\{(\d+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
