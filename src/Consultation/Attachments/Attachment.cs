using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Attachments;

// Files attached to something else (an owner: a kind and an id), stored in PostgreSQL. Marten stores events by type
// name: never rename one once shipped.

/// <summary>The two kinds of file accepted, recognised by their content, never by their name.</summary>
public enum AttachmentType
{
    Pdf,
    Docx,
}

/// <summary>A file was attached to its owner; its bytes are in <see cref="AttachmentsStore.ContentTable"/>.</summary>
public sealed record AttachmentUploaded(
    Guid AttachmentId, string OwnerKind, Guid OwnerId, string FileName, AttachmentType Type, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Its uploader or a moderator withdrew it: kept, no longer listed nor served.</summary>
public sealed record AttachmentWithdrawn(Guid AttachmentId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>An attachment's description (never its bytes, so lists stay small), kept inline with its stream.</summary>
public sealed record Attachment(
    Guid Id, string OwnerKind, Guid OwnerId, string FileName, AttachmentType Type, long Size, string UploadedBy, DateTimeOffset UploadedAt, bool Withdrawn)
{
    public string ContentType => Type == AttachmentType.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

public sealed class AttachmentProjection : SingleStreamProjection<Attachment, Guid>
{
    public static Attachment Create(AttachmentUploaded e) =>
        new(e.AttachmentId, e.OwnerKind, e.OwnerId, e.FileName, e.Type, e.Size, e.UploadedBy, e.UploadedAt, false);

    public static Attachment Apply(AttachmentWithdrawn e, Attachment a) => a with { Withdrawn = true };
}
