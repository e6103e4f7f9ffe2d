using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Diffing;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Carrying;

/// <summary>What became of the section an item was written on, in the current version: <c>unchanged | changed | removed</c>.</summary>
public enum SectionFate
{
    Unchanged,
    Changed,
    Removed,
}

/// <summary>An item written on an earlier version, carried to the section it now belongs to (none when removed).</summary>
public sealed record CarriedItem(Guid FeedbackId, int DraftVersion, string FromAnchor, string? CurrentAnchor, SectionFate Section);

/// <summary>
/// Carries feedback on earlier versions to the current one through the Drafts diff (which matches sections by
/// anchor and by text when renumbered), so officials see which comments the revision already addressed.
/// </summary>
public sealed class CarriedFeedback(IQuerySession session)
{
    public async Task<IReadOnlyList<CarriedItem>> Of(ConsultationDetails consultation, CancellationToken cancellation = default)
    {
        var earlier = await session.Query<FeedbackItem>()
            .Where(x => x.ConsultationId == consultation.Id && x.Status == FeedbackStatus.Published
                && x.DraftVersion < consultation.CurrentVersion && x.SectionAnchor != null)
            .OrderBy(x => x.SubmittedAt)
            .ToListAsync(cancellation);
        var queries = new ConsultationQueries(session);
        var carried = new List<CarriedItem>();
        foreach (var version in earlier.GroupBy(i => i.DraftVersion))
        {
            var diff = await queries.Diff(consultation.Id, version.Key, consultation.CurrentVersion, cancellation) ?? [];
            var fates = Map(diff);
            carried.AddRange(version.Select(item => fates.TryGetValue(item.SectionAnchor!, out var fate)
                ? new CarriedItem(item.Id, item.DraftVersion, item.SectionAnchor!, fate.Anchor, fate.Fate)
                : new CarriedItem(item.Id, item.DraftVersion, item.SectionAnchor!, null, SectionFate.Removed)));
        }
        return carried;
    }

    /// <summary>Each section of the older version: where it is now and whether its text changed.</summary>
    public static IReadOnlyDictionary<string, (string? Anchor, SectionFate Fate)> Map(IReadOnlyList<SectionDiff> diff) =>
        diff.Where(d => d.FromAnchor is not null).ToDictionary(d => d.FromAnchor!, d => d.Kind switch
        {
            SectionChange.Unchanged => (d.ToAnchor, SectionFate.Unchanged),
            SectionChange.Removed => ((string?)null, SectionFate.Removed),
            _ => (d.ToAnchor, SectionFate.Changed),
        });
}
