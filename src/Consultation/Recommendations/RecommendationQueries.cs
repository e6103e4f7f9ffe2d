using Marten;
using Nq45Consult.Consultation.Attachments;

namespace Nq45Consult.Consultation.Recommendations;

/// <summary>
/// A recommendation as a caller may read it: its supports (counted), whether the caller supports it, whether it is
/// overdue, its files; <see cref="ShowsAuthor"/> only for moderators, who alone see an anonymous author and hidden
/// recommendations. <see cref="MayAttach"/>: the caller is its author or a moderator.
/// </summary>
public sealed record RecommendationReading(
    Recommendation Recommendation, int Supports, bool Supported, bool Overdue, bool ShowsAuthor, IReadOnlyList<Attachment> Attachments, bool MayAttach);

/// <summary>Reads of recommendations with their rules: hidden ones and anonymous authors are for moderators only.</summary>
public sealed class RecommendationQueries(IQuerySession session, TimeProvider time)
{
    /// <summary>Every recommendation the caller may see that passes <paramref name="filter"/>, newest first.</summary>
    public async Task<IReadOnlyList<RecommendationReading>> List(Caller? caller, RecommendationFilter filter, CancellationToken cancellation)
    {
        var moderator = caller?.IsModerator == true;
        var query = session.Query<Recommendation>().AsQueryable();
        if (!moderator) query = query.Where(r => !r.Hidden);
        var recommendations = await query.OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellation);
        var ids = recommendations.Select(r => r.Id).ToArray();
        var supports = ids.Length == 0 ? [] : await session.Query<RecommendationSupport>().Where(s => ids.Contains(s.RecommendationId)).ToListAsync(cancellation);
        var byRecommendation = supports.ToLookup(s => s.RecommendationId);
        var attachments = await AttachmentQueries.OfOwners(session, RecommendationAttachments.OwnerKind, ids, cancellation);
        var now = time.GetUtcNow();
        return [.. recommendations.Select(r => new RecommendationReading(
            r, byRecommendation[r.Id].Count(),
            caller is not null && byRecommendation[r.Id].Any(s => string.Equals(s.Supporter, caller.UserName, StringComparison.OrdinalIgnoreCase)),
            r.IsOverdue(now), moderator, [.. attachments[r.Id]],
            moderator || (caller is not null && string.Equals(r.AuthorUserName, caller.UserName, StringComparison.OrdinalIgnoreCase))))
            // The stage depends on the clock (overdue) and the status is computed: filtered here, over the few the caller may see.
            .Where(filter.Matches)];
    }
}
