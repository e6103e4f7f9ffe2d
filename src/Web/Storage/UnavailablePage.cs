using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Storage;

/// <summary>
/// The page a browser gets while the database is unreachable. It is written here rather than by a Razor page on
/// purpose: the layout and the sign-in check read the database, and a re-executed request would fail the same way.
/// </summary>
public static class UnavailablePage
{
    private const string Template = """
        <!DOCTYPE html>
        <html lang="{0}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{1}</title>
        </head>
        <body>
        <main>
        <h1>{1}</h1>
        <p>{2}</p>
        <p><a href="{3}">{4}</a></p>
        </main>
        </body>
        </html>
        """;

    /// <summary>Writes the page in the current UI culture, unless the caller does not take HTML; false then.</summary>
    public static async Task<bool> Write(HttpContext context, IStringLocalizer<SharedResource> texts)
    {
        var accept = context.Request.GetTypedHeaders().Accept;
        if (accept.Count > 0 && !accept.Any(type => new MediaTypeHeaderValue("text/html").IsSubsetOf(type))) return false;
        // The app's encoder, which leaves Vietnamese letters as they are.
        var html = context.RequestServices.GetRequiredService<HtmlEncoder>();
        var path = (context.Request.PathBase + context.Request.Path).Value ?? "/";
        // Only the same page, asked again: a path such as "//elsewhere.example" would be a link to another site.
        var again = HttpMethods.IsGet(context.Request.Method) && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path + context.Request.QueryString.Value
            : context.Request.PathBase.Value + "/";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(string.Format(CultureInfo.InvariantCulture, Template,
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            html.Encode(texts["UnavailableTitle"]),
            html.Encode(texts["UnavailableDetail"]),
            html.Encode(again),
            html.Encode(texts["UnavailableTryAgain"])));
        return true;
    }
}
