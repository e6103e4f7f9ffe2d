using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Review;

/// <summary>
/// <c>GET /api/consultations/{id}/report.docx|.xlsx|.csv[?progress=token]</c>: the acceptance report, rows read section by
/// section and written one at a time (<see cref="ExportDownload"/>), progress counted against the preamble's row count.
/// </summary>
public static class ReportEndpoint
{
    private delegate Task ReportWriter(Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, CancellationToken cancellation);

    private static readonly Dictionary<string, (string ContentType, ReportWriter Write)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxReport.Write),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReport.Write),
        ["csv"] = ("text/csv; charset=utf-8", CsvReport.Write),
    };

    public static async Task<IResult> Get(
        string id, string format, string? progress, HttpContext http, ConsultationQueries queries, AcceptanceReport report, CancellationToken cancellation)
    {
        if (!Formats.TryGetValue(format, out var chosen))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Định dạng báo cáo không hỗ trợ", detail: "Chọn docx, xlsx hoặc csv.");
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy đợt lấy ý kiến");
        var withDrafts = CallerClaims.From(http.User)?.IsOfficial == true;
        return await ExportDownload.Send(http, progress, chosen.ContentType, $"tong-hop-y-kien-{consultation.Slug}.{format.ToLowerInvariant()}",
            async (file, pushed, token) =>
            {
                var preamble = await report.Preamble(consultation, withDrafts, token);
                var rows = ExportProgress.Counting(report.Rows(consultation, withDrafts, token), preamble.Rows, pushed, token);
                await chosen.Write(file, preamble, rows, token);
            }, cancellation);
    }
}
