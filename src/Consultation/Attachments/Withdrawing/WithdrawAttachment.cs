using Marten;

namespace Nq45Consult.Consultation.Attachments.Withdrawing;

/// <summary>Its uploader or a moderator withdraws an attachment: kept (nothing is deleted), no longer listed nor served.</summary>
public sealed record WithdrawAttachment(Guid AttachmentId, Caller Caller)
{
    /// <param name="owner">What the caller may do with the attachment's owner; null when they may not see it.</param>
    public static Decision Decide(Attachment? attachment, OwnerAccess? owner, WithdrawAttachment command, DateTimeOffset now)
    {
        if (attachment is null || attachment.Withdrawn || owner is null) return Decision.NotFound(DomainText.AttachmentNotFound);
        if (!MayWithdraw(attachment, command.Caller)) return Decision.Forbid(DomainText.AttachmentWithdrawUploaderOrModeratorOnly);
        return Decision.Accept(new AttachmentWithdrawn(attachment.Id, command.Caller.UserName, now));
    }

    /// <summary>Its uploader or a moderator (pages offer the button to them only).</summary>
    public static bool MayWithdraw(Attachment attachment, Caller? caller) =>
        caller is not null && (caller.IsModerator || string.Equals(attachment.UploadedBy, caller.UserName, StringComparison.OrdinalIgnoreCase));
}

public sealed class WithdrawAttachmentHandler(IDocumentStore store, AttachmentOwners owners, TimeProvider time)
{
    public async Task<Decision> Handle(WithdrawAttachment command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (command.AttachmentId == Guid.Empty) return WithdrawAttachment.Decide(null, null, command, time.GetUtcNow());
        var stream = await session.Events.FetchForWriting<Attachment>(command.AttachmentId, cancellation);
        var attachment = stream.Aggregate;
        var owner = attachment is null ? null : await owners.Access(session, attachment.OwnerKind, attachment.OwnerId, command.Caller, cancellation);
        var decision = WithdrawAttachment.Decide(attachment, owner, command, time.GetUtcNow());
        if (decision is not { Accepted: true, Events.Count: > 0 }) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
