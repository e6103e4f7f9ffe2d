using Nq45Consult.Consultation.Drafts.Consultations;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Review;

/// <summary>
/// <c>GET /api/consultations/{id}/report.docx|.xlsx|.csv</c>: the acceptance report. It is written row by row to a
/// temporary file (deleted when the response is done) and then streamed, so memory stays flat however many items.
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
        string id, string format, HttpContext http, ConsultationQueries queries, AcceptanceReport report, CancellationToken cancellation)
    {
        if (!Formats.TryGetValue(format, out var chosen))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Định dạng báo cáo không hỗ trợ", detail: "Chọn docx, xlsx hoặc csv.");
        var consultation = await queries.Find(id, cancellation);
        if (consultation is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy đợt lấy ý kiến");
        var withDrafts = Reader.Of(http.User).IsOfficial;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"nq45-report-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var preamble = await report.Preamble(consultation, withDrafts, cancellation);
            await chosen.Write(file, preamble, report.Rows(consultation, withDrafts, cancellation), cancellation);
            await file.FlushAsync(cancellation);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        // The file result disposes the stream after sending, which deletes the file.
        return TypedResults.File(file, chosen.ContentType, $"tong-hop-y-kien-{consultation.Slug}.{format.ToLowerInvariant()}");
    }
}
