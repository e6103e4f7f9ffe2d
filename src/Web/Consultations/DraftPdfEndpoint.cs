using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Printing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Printing;
using Nq45Consult.Web.Review;

namespace Nq45Consult.Web.Consultations;

/// <summary>
/// <c>GET /api/consultations/{id}/versions/{v}/draft.pdf</c>: the draft version as printed (<see cref="DraftPrint"/> with the
/// page's print stylesheet, printed by <see cref="ChromiumPdf"/>), to whoever may see the draft page; 404 otherwise.
/// </summary>
public static class DraftPdfEndpoint
{
    public static async Task<IResult> Get(
        string id, int version, HttpContext http, ConsultationQueries queries, ChromiumPdf pdf, PrintStyles styles, CancellationToken cancellation)
    {
        var consultation = await queries.Visible(id, CallerClaims.From(http.User), cancellation);
        if (consultation is null || await queries.Version(consultation.Id, version, cancellation) is not { } draft) return TypedResults.NotFound();
        return await ExportDownload.Send(http, null, "application/pdf", $"du-thao-{consultation.Slug}-v{version}.pdf", async (file, _, token) =>
        {
            var outcome = await pdf.Print((page, t) => DraftPrint.Write(page, consultation, draft, styles.Draft, t), file, token);
            return outcome == PdfOutcome.Printed ? null : PdfProblems.Unavailable(http, outcome);
        }, cancellation);
    }
}
