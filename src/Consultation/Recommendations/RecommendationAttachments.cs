using Marten;
using Nq45Consult.Consultation.Attachments;

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>
/// Recommendations as owners of attachments: their files are seen by whoever sees the recommendation (a hidden one:
/// moderators only) and attached by its author or a moderator.
/// </summary>
public sealed class RecommendationAttachments : IAttachmentOwner
{
    public const string OwnerKind = "recommendation";

    public string Kind => OwnerKind;

    public async Task<OwnerAccess?> Access(IQuerySession session, Guid ownerId, Caller? caller, CancellationToken cancellation)
    {
        var recommendation = await session.LoadAsync<Recommendation>(ownerId, cancellation);
        var moderator = caller?.IsModerator == true;
        if (recommendation is null || (recommendation.Hidden && !moderator)) return null;
        return new OwnerAccess(moderator || (caller is not null && string.Equals(recommendation.AuthorUserName, caller.UserName, StringComparison.OrdinalIgnoreCase)));
    }
}
