using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Printing;

namespace Nq45Consult.Web.Review;

/// <summary>
/// <c>GET /api/consultations/{id}/report.docx|.xlsx|.csv|.pdf[?progress=token][&amp;headings=en]</c>: the acceptance report, rows
/// read section by section and written one at a time (<see cref="ExportDownload"/>), progress counted against the preamble's
/// row count. The PDF is the same report as an HTML page (<see cref="HtmlReport"/>) printed by <see cref="ChromiumPdf"/>.
/// </summary>
public static class ReportEndpoint
{
    private delegate Task ReportWriter(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation);

    /// <summary>Each format's content type and writer; the PDF has none of its own (it prints <see cref="HtmlReport"/>).</summary>
    private static readonly Dictionary<string, (string ContentType, ReportWriter? Write)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxReport.Write),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReport.Write),
        ["csv"] = ("text/csv; charset=utf-8", CsvReport.Write),
        ["pdf"] = ("application/pdf", null),
    };

    public static async Task<IResult> Get(
        string id, string format, string? progress, string? headings, HttpContext http, ConsultationQueries queries, AcceptanceReport report,
        ChromiumPdf pdf, PrintStyles styles, CancellationToken cancellation)
    {
        if (!Formats.TryGetValue(format, out var chosen))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiReportFormat"), detail: ApiText.Of("ApiReportFormatDetail"));
        if (ReportHeadings.Of(headings) is not { } columns)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["headings"] = [ApiText.Of("ApiReportHeadings")] });
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ApiText.Of("ApiConsultationNotFound"));
        var withDrafts = CallerClaims.From(http.User)?.IsOfficial == true;
        return await ExportDownload.Send(http, progress, chosen.ContentType, $"tong-hop-y-kien-{consultation.Slug}.{format.ToLowerInvariant()}",
            async (file, pushed, token) =>
            {
                var preamble = await report.Preamble(consultation, withDrafts, token) with { Headings = columns };
                var rows = ExportProgress.Counting(report.Rows(consultation, withDrafts, token), preamble.Rows, pushed, token);
                if (chosen.Write is { } write)
                {
                    await write(file, preamble, rows, token);
                    return null;
                }
                var outcome = await pdf.Print((page, t) => HtmlReport.Write(page, preamble, rows, styles.Report, t), file, token);
                return outcome == PdfOutcome.Printed ? null : PdfProblems.Unavailable(http, outcome);
            }, cancellation);
    }
}
