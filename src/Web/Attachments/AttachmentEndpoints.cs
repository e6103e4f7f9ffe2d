using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Withdrawing;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Attachments;

/// <summary>The routes every owner kind shares: download and withdrawal (uploads are routes of the owner, e.g. a recommendation's).</summary>
public static class AttachmentEndpoints
{
    /// <summary>Nothing in a downloaded file may run, load anything or be framed, should a browser ever render it.</summary>
    private const string DownloadPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

    public static WebApplication MapAttachmentEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/attachments").WithTags("Attachments");
        api.MapGet("/{id:guid}", Download).WithName("DownloadAttachment")
            .WithSummary("The file, as an attachment (never shown inline), to callers who may see what it is attached to; 404 otherwise or once withdrawn.");
        api.MapPost("/{id:guid}/withdrawal", Withdraw).RequireAuthorization().WithName("WithdrawAttachment")
            .WithSummary("Its uploader or a moderator withdraws an attachment; it is kept, no longer listed nor served.");
        return app;
    }

    private static async Task<IResult> Download(Guid id, HttpContext http, AttachmentQueries queries, CancellationToken cancellation)
    {
        var attachment = await queries.Readable(id, CallerClaims.From(http.User), cancellation);
        if (attachment is null) return TypedResults.NotFound();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = DownloadPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        // The file name makes it an attachment (Content-Disposition: attachment; filename=…; filename*=UTF-8''…).
        return TypedResults.Stream(stream => queries.CopyContent(attachment, stream, cancellation), attachment.ContentType, attachment.FileName);
    }

    private static async Task<IResult> Withdraw(Guid id, HttpContext http, WithdrawAttachmentHandler handler, CancellationToken cancellation)
    {
        var decision = await handler.Handle(new WithdrawAttachment(id, SignedInCaller.Of(http.User)), cancellation);
        return decision.Accepted ? TypedResults.Ok() : DecisionProblems.From(decision);
    }
}
