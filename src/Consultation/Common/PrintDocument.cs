using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Nq45Consult.Consultation.Common;

/// <summary>
/// The frame of an HTML document written to be printed to PDF (the acceptance report, a draft version): UTF-8, the
/// stylesheets given as <c>file:</c> addresses, and a content security policy that lets nothing but those stylesheets
/// and inline images load — no script runs, no address is fetched — whatever the content holds.
/// </summary>
public static class PrintDocument
{
    /// <summary>Escapes what HTML needs escaped and leaves Vietnamese letters as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Policy = "default-src 'none'; style-src file:; img-src file: data:; font-src file: data:";

    public static string Encode(string text) => Html.Encode(text);

    /// <summary>A writer of UTF-8 without a byte order mark that leaves <paramref name="output"/> open.</summary>
    public static StreamWriter Writer(Stream output) => new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);

    public static Task Start(TextWriter writer, string title, IEnumerable<Uri> stylesheets, string bodyClass)
    {
        var head = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n")
            .Append($"<title>{Encode(title)}</title>\n");
        foreach (var sheet in stylesheets) head.Append($"<link rel=\"stylesheet\" href=\"{Encode(sheet.AbsoluteUri)}\">\n");
        head.Append($"</head>\n<body class=\"{Encode(bodyClass)}\">\n");
        return writer.WriteAsync(head.ToString());
    }

    public static Task End(TextWriter writer) => writer.WriteAsync("</body>\n</html>\n");
}
