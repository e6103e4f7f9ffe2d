namespace Nq45Consult.Web.Printing;

/// <summary>The stylesheets of the printed documents, as <c>file:</c> addresses in the web root (<paramref name="webRoot"/>) Chromium reads them from.</summary>
public sealed class PrintStyles(string webRoot)
{
    /// <summary>A draft version: the consultation page's own stylesheets and its print stylesheet.</summary>
    public IReadOnlyList<Uri> Draft => [Css("site.css"), Css("consultations.css"), Css("print.css")];

    /// <summary>The acceptance report: A4 landscape, the Decree 30/2020 margins and fonts.</summary>
    public IReadOnlyList<Uri> Report => [Css("report-print.css")];

    private Uri Css(string name) => new(Path.Combine(Path.GetFullPath(webRoot), "css", name));
}
