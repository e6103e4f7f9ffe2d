using Marten;

namespace Nq45Consult.Consultation.Attachments;

/// <summary>
/// What a caller may do with an owner they may see: attach files to it (its author, a moderator); <see cref="WhyNot"/>:
/// the owner's own words for a refusal, when its rule is not "its author or a moderator".
/// </summary>
public sealed record OwnerAccess(bool MayAttach)
{
    public string? WhyNot { get; init; }
}

/// <summary>
/// A kind of thing files attach to (a recommendation, a case), implemented by the capability that owns it: its read
/// rule decides who sees the attachments, so an attachment is never more visible than what it is attached to.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>The owner kind stored with each attachment ("recommendation").</summary>
    string Kind { get; }

    /// <summary>Null when there is no such owner or the caller may not see it.</summary>
    Task<OwnerAccess?> Access(IQuerySession session, Guid ownerId, Caller? caller, CancellationToken cancellation);
}

/// <summary>Every registered owner kind, found by its name.</summary>
public sealed class AttachmentOwners(IEnumerable<IAttachmentOwner> owners)
{
    private readonly Dictionary<string, IAttachmentOwner> _byKind = owners.ToDictionary(o => o.Kind, StringComparer.Ordinal);

    public async Task<OwnerAccess?> Access(IQuerySession session, string kind, Guid ownerId, Caller? caller, CancellationToken cancellation) =>
        ownerId != Guid.Empty && _byKind.TryGetValue(kind, out var owner) ? await owner.Access(session, ownerId, caller, cancellation) : null;
}
