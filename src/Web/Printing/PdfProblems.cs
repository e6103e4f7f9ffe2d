using System.Globalization;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Printing;

/// <summary>A render that did not print answers 503 ProblemDetails (never 500); a busy or failed one with Retry-After.</summary>
public static class PdfProblems
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static IResult Unavailable(HttpContext http, PdfOutcome outcome)
    {
        var texts = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (outcome != PdfOutcome.NotInstalled)
            http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var (title, detail) = outcome switch
        {
            PdfOutcome.NotInstalled => ("PdfNotInstalledTitle", "PdfNotInstalledDetail"),
            PdfOutcome.Busy => ("PdfBusyTitle", "PdfBusyDetail"),
            _ => ("PdfFailedTitle", "PdfFailedDetail"),
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: texts[title], detail: texts[detail]);
    }
}
