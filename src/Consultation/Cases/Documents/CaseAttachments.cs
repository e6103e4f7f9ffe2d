using Marten;
using Nq45Consult.Consultation.Attachments;

namespace Nq45Consult.Consultation.Cases.Documents;

/// <summary>
/// Cases as owners of attachments: the request's documents (the letter, the draft as sent, annexes). Whoever may see the
/// case sees them; the requesting agency's officials and moderators (who record paper requests) attach them, until the
/// case is declined, when nothing more is taken.
/// </summary>
public sealed class CaseAttachments : IAttachmentOwner
{
    public const string OwnerKind = "case";

    public string Kind => OwnerKind;

    public async Task<OwnerAccess?> Access(IQuerySession session, Guid ownerId, Caller? caller, CancellationToken cancellation)
    {
        var found = await session.LoadAsync<CritiqueCase>(ownerId, cancellation);
        if (found is null || !found.IsVisibleTo(caller)) return null;
        return found.Status == CaseStatus.Declined
            ? new OwnerAccess(false) { WhyNot = DomainText.CaseDocumentsDeclined }
            : new OwnerAccess(MayAttach(found, caller)) { WhyNot = DomainText.CaseDocumentsAgencyOrModeratorOnly };
    }

    /// <summary>The agency's officials and moderators, while the case is not declined.</summary>
    public static bool MayAttach(CritiqueCase found, Caller? caller) =>
        found.Status != CaseStatus.Declined && caller is not null && (caller.IsModerator || (caller.IsOfficial && caller.AgencyId == found.AgencyId));
}
