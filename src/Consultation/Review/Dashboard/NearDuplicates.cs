using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback.Likeness;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>Items whose argument reads nearly the same (campaign or copied comments), answered best as one.</summary>
public sealed record DuplicateGroup(IReadOnlyList<Guid> ItemIds, string Text)
{
    public int Count => ItemIds.Count;
}

/// <summary>
/// Groups items whose trigram similarity (<see cref="TextLikeness.Similarity(ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/>)
/// reaches a threshold, pairs joined transitively. Only items that share an LSH band bucket are compared, and within
/// a bucket each item is compared with at most <see cref="LeadersPerBucket"/> earlier members that matched none
/// before them (its leaders), not with every member: 5,000 copies of one campaign text share their buckets and
/// cost 5,000 comparisons per band, not 12.5 million. The work grows with items × bands.
/// </summary>
public static class DuplicateGrouping
{
    /// <summary>Leaders per bucket: unrelated items that share a bucket by chance (common syllables) each become one, up to this.</summary>
    public const int LeadersPerBucket = 4;

    /// <summary>Groups of at least two items, as indexes into <paramref name="buckets"/>, each ascending; largest first.</summary>
    public static IReadOnlyList<int[]> Groups(IReadOnlyList<long[]> buckets, Func<int, ulong[]> trigrams, double threshold)
    {
        var entries = buckets.Sum(b => b.Length);
        var keys = new long[entries];
        var members = new int[entries];
        var at = 0;
        for (var item = 0; item < buckets.Count; item++)
        {
            foreach (var bucket in buckets[item])
            {
                keys[at] = bucket;
                members[at++] = item;
            }
        }
        // Bucket by bucket, members in the order of the items (the sort is not stable, so both are sorted on).
        Array.Sort(keys, members);
        var parent = Enumerable.Range(0, buckets.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        var leaders = new List<int>(LeadersPerBucket);
        for (var start = 0; start < entries;)
        {
            var end = start + 1;
            while (end < entries && keys[end] == keys[start]) end++;
            if (end - start > 1)
            {
                Array.Sort(members, start, end - start);
                leaders.Clear();
                for (var i = start; i < end; i++)
                {
                    var item = members[i];
                    var matched = false;
                    foreach (var leader in leaders)
                    {
                        if (Root(leader) == Root(item) || Alike(trigrams(leader), trigrams(item), threshold))
                        {
                            parent[Root(item)] = Root(leader);
                            matched = true;
                            break;
                        }
                    }
                    if (!matched && leaders.Count < LeadersPerBucket) leaders.Add(item);
                }
            }
            start = end;
        }
        return [.. Enumerable.Range(0, buckets.Count).GroupBy(Root).Where(g => g.Count() > 1)
            .Select(g => g.ToArray()).OrderByDescending(g => g.Length).ThenBy(g => g[0])];
    }

    /// <summary>At or above the threshold; sets whose sizes differ too much cannot be, and are not merged.</summary>
    private static bool Alike(ulong[] a, ulong[] b, double threshold) =>
        Math.Min(a.Length, b.Length) >= threshold * Math.Max(a.Length, b.Length) && TextLikeness.Similarity(a, b) >= threshold;
}

/// <summary>
/// The near-duplicate groups of a consultation's public items (similarity at or above
/// <see cref="ReviewOptions.DuplicateThreshold"/>), from the signatures kept with each item
/// (<see cref="LikenessSignatures"/>). The groups of each consultation are kept in memory until a write changes its
/// signatures, so the dashboard does not group again on every load (docs/benchmarks.md).
/// </summary>
public sealed class NearDuplicates(IQuerySession session, IOptions<ReviewOptions> options, NearDuplicates.Cache cache)
{
    /// <summary>The last groups found per consultation, with the signatures' version they were found for.</summary>
    public sealed class Cache
    {
        internal ConcurrentDictionary<Guid, (string Version, IReadOnlyList<DuplicateGroup> Groups)> Found { get; } = new();
    }

    public async Task<IReadOnlyList<DuplicateGroup>> Groups(Guid consultationId, CancellationToken cancellation = default)
    {
        var threshold = options.Value.DuplicateThreshold;
        // Read before the signatures: a write in between makes the next look-up group again, never serve stale groups.
        var version = $"{threshold}:{await LikenessSignatures.Version(session, consultationId, cancellation)}";
        if (cache.Found.TryGetValue(consultationId, out var found) && found.Version == version) return found.Groups;
        var items = await LikenessSignatures.Public(session, consultationId, cancellation);
        var trigrams = new ulong[]?[items.Count];
        var groups = DuplicateGrouping.Groups([.. items.Select(i => i.Buckets)], i => trigrams[i] ??= TextLikeness.Trigrams(items[i].Text), threshold)
            .Select(g => new DuplicateGroup([.. g.Select(i => items[i].Id)], items[g[0]].Text))
            .ToList();
        cache.Found[consultationId] = (version, groups);
        return groups;
    }
}
