using Marten;

namespace Nq45Consult.Consultation.Attachments;

/// <summary>Reads of attachments under their owner's read rule; withdrawn ones are neither listed nor served.</summary>
public sealed class AttachmentQueries(IDocumentStore store, AttachmentOwners owners)
{
    /// <summary>The attachment, when it is not withdrawn and the caller may see its owner; else null.</summary>
    public async Task<Attachment?> Readable(Guid id, Caller? caller, CancellationToken cancellation)
    {
        if (id == Guid.Empty) return null;
        await using var session = store.QuerySession();
        var attachment = await session.LoadAsync<Attachment>(id, cancellation);
        if (attachment is null || attachment.Withdrawn) return null;
        return await owners.Access(session, attachment.OwnerKind, attachment.OwnerId, caller, cancellation) is null ? null : attachment;
    }

    /// <summary>Copies the bytes of an attachment the caller may read (<see cref="Readable"/> first) to <paramref name="destination"/>.</summary>
    public async Task CopyContent(Attachment attachment, Stream destination, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var command = new Npgsql.NpgsqlCommand($"select content from {store.Options.DatabaseSchemaName}.{AttachmentsStore.ContentTable} where attachment_id = $1")
        {
            Parameters = { new() { Value = attachment.Id } },
        };
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        if (!await reader.ReadAsync(cancellation)) throw new InvalidOperationException($"Attachment {attachment.Id} has no content.");
        await using var content = reader.GetStream(0);
        await content.CopyToAsync(destination, cancellation);
    }

    /// <summary>
    /// The attachments (not withdrawn) of owners the caller has already been allowed to see, by owner, oldest first.
    /// </summary>
    public static async Task<ILookup<Guid, Attachment>> OfOwners(IQuerySession session, string kind, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellation)
    {
        if (ownerIds.Count == 0) return Array.Empty<Attachment>().ToLookup(a => a.OwnerId);
        var ids = ownerIds.ToArray();
        var found = await session.Query<Attachment>()
            .Where(a => a.OwnerKind == kind && ids.Contains(a.OwnerId) && !a.Withdrawn)
            .OrderBy(a => a.UploadedAt).ToListAsync(cancellation);
        return found.ToLookup(a => a.OwnerId);
    }
}
