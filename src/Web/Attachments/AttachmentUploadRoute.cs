using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;

namespace Nq45Consult.Web.Attachments;

/// <summary>
/// The upload route every owner kind maps under its own path (<c>POST {owner}/{id}/attachments</c>, multipart
/// <c>file</c>): one body limit, one reading of the form, one answer (201 with the file as listed, or the refusal).
/// </summary>
public static class AttachmentUploadRoute
{
    /// <param name="owners">The owner's route, e.g. <c>/api/cases</c>; the owner's rule (<see cref="IAttachmentOwner"/>) says who attaches.</param>
    public static RouteHandlerBuilder MapAttachmentUpload(this WebApplication app, string owners, string ownerKind)
    {
        // Files are larger than the JSON bodies of the owner's other routes: the limit is Attachments:MaxBytes.
        var maxFile = app.Services.GetRequiredService<IOptions<AttachmentsOptions>>().Value.MaxBytes;
        return app.MapPost($"{owners}/{{id:guid}}/attachments",
                (Guid id, HttpContext http, UploadAttachmentHandler handler, IOptions<AttachmentsOptions> options, CancellationToken cancellation) =>
                    Upload(ownerKind, id, http, handler, options.Value, cancellation))
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(maxFile + AttachmentUpload.FramingBytes))
            .Accepts<IFormFile>("multipart/form-data");
    }

    private static async Task<IResult> Upload(
        string ownerKind, Guid id, HttpContext http, UploadAttachmentHandler handler, AttachmentsOptions options, CancellationToken cancellation)
    {
        var upload = await AttachmentUpload.FromForm(http.Request, options.MaxBytes, cancellation);
        var outcome = await handler.Handle(new UploadAttachment(ownerKind, id, upload.FileName, upload.Content, SignedInCaller.Of(http.User)), cancellation);
        return outcome is { Decision.Accepted: true, Attachment: { } attachment }
            ? TypedResults.Created(AttachmentView.Of(attachment).Url, AttachmentView.Of(attachment))
            : DecisionProblems.From(outcome.Decision);
    }
}
