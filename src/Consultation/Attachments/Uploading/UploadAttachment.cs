using Marten;
using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Attachments.Uploading;

/// <summary>
/// Someone the owner allows (its author, a moderator) attaches a PDF or DOCX file to it. <paramref name="Content"/> is
/// what was read of the upload, at most one byte past the limit.
/// </summary>
public sealed record UploadAttachment(string OwnerKind, Guid OwnerId, string? FileName, byte[]? Content, Caller Uploader)
{
    /// <param name="owner">What the caller may do with the owner; null when there is none or the caller may not see it.</param>
    /// <param name="attached">How many files (not withdrawn) the owner has.</param>
    public static Decision Decide(UploadAttachment command, OwnerAccess? owner, int attached, AttachmentsOptions limits, Guid id, DateTimeOffset now)
    {
        if (owner is null) return Decision.NotFound(DomainText.AttachmentOwnerNotFound);
        if (!owner.MayAttach) return Decision.Forbid(owner.WhyNot ?? DomainText.AttachmentAuthorOrModeratorOnly);
        if (command.Content is not { Length: > 0 } content) return Decision.Invalid("file", DomainText.AttachmentFileRequired);
        if (content.Length > limits.MaxBytes) return Decision.Oversized("file", DomainText.AttachmentTooLarge(limits.MaxBytes / 1024));
        if (AttachmentFiles.TypeOf(content) is not { } type) return Decision.Invalid("file", DomainText.AttachmentWrongType);
        if (attached >= limits.MaxPerOwner) return Decision.Conflict("file", DomainText.AttachmentTooMany(limits.MaxPerOwner));
        return Decision.Accept(new AttachmentUploaded(
            id, command.OwnerKind, command.OwnerId, AttachmentFiles.SafeName(command.FileName, type), type, content.Length, command.Uploader.UserName, now));
    }
}

public sealed record AttachmentOutcome(Decision Decision, Attachment? Attachment);

/// <summary>Reads the owner's rule and its count of files, decides, stores the description and the bytes in one transaction.</summary>
public sealed class UploadAttachmentHandler(IDocumentStore store, AttachmentOwners owners, TimeProvider time, IOptions<AttachmentsOptions> options)
{
    public async Task<AttachmentOutcome> Handle(UploadAttachment command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var owner = await owners.Access(session, command.OwnerKind, command.OwnerId, command.Uploader, cancellation);
        var attached = owner is null ? 0 : await session.Query<Attachment>()
            .CountAsync(a => a.OwnerKind == command.OwnerKind && a.OwnerId == command.OwnerId && !a.Withdrawn, cancellation);
        var id = Guid.CreateVersion7();
        var decision = UploadAttachment.Decide(command, owner, attached, options.Value, id, time.GetUtcNow());
        if (!decision.Accepted) return new AttachmentOutcome(decision, null);
        session.Events.StartStream<Attachment>(id, decision.Events);
        AttachmentsStore.QueueContent(session, id, command.Content!);
        await session.SaveChangesAsync(cancellation);
        var uploaded = (AttachmentUploaded)decision.Events[0];
        return new AttachmentOutcome(decision, AttachmentProjection.Create(uploaded));
    }
}
