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
/// reaches a threshold, pairs joined transitively, in two steps. <see cref="Candidates"/>: only items that share an
/// LSH band bucket are looked at, and within a bucket each item only against the bucket's leaders — at most
/// <see cref="LeadersPerBucket"/> earlier members whose sketches agreed with no leader before them — not against every
/// member: 5,000 copies of one campaign text share their buckets and cost 5,000 sketch comparisons per band, not 12.5
/// million. A pair is a candidate when the sketches agree (<see cref="TextLikeness.SketchesAgree"/>). <see cref="Groups"/>:
/// the exact similarity of each candidate pair decides. The work grows with items × bands.
/// </summary>
public static class DuplicateGrouping
{
    /// <summary>Leaders per bucket: unrelated items that share a bucket by chance (common syllables) each become one, up to this.</summary>
    public const int LeadersPerBucket = 4;

    /// <summary>Pairs of indexes into <paramref name="signatures"/> (smaller first) worth comparing exactly; each once.</summary>
    public static IReadOnlyCollection<(int, int)> Candidates(IReadOnlyList<LikenessSignature> signatures, double threshold)
    {
        var pairs = new HashSet<(int, int)>();
        var keys = new long[signatures.Count];
        var members = new int[signatures.Count];
        var leaders = new List<int>(LeadersPerBucket);
        // Band by band: each band's buckets sorted, so that a bucket's members are next to each other.
        for (var band = 0; band < TextLikeness.Bands; band++)
        {
            var entries = 0;
            for (var item = 0; item < signatures.Count; item++)
            {
                if (signatures[item].Buckets.Length <= band) continue;
                keys[entries] = signatures[item].Buckets[band];
                members[entries++] = item;
            }
            Array.Sort(keys, members, 0, entries);
            for (var start = 0; start < entries;)
            {
                var end = start + 1;
                while (end < entries && keys[end] == keys[start]) end++;
                if (end - start > 1)
                {
                    // Members in the order of the items: the sort above is not stable.
                    Array.Sort(members, start, end - start);
                    leaders.Clear();
                    for (var i = start; i < end; i++)
                    {
                        var item = members[i];
                        var agreed = false;
                        foreach (var leader in leaders)
                        {
                            if (!TextLikeness.SketchesAgree(signatures[leader].Sketch, signatures[item].Sketch, threshold)) continue;
                            pairs.Add((leader, item));
                            agreed = true;
                            break;
                        }
                        if (!agreed && leaders.Count < LeadersPerBucket) leaders.Add(item);
                    }
                }
                start = end;
            }
        }
        return pairs;
    }

    /// <summary>Groups of at least two of <paramref name="count"/> items, each ascending, largest first: candidate pairs whose similarity reaches the threshold, joined.</summary>
    public static IReadOnlyList<int[]> Groups(int count, IEnumerable<(int, int)> candidates, Func<int, ulong[]> trigrams, double threshold)
    {
        var parent = Enumerable.Range(0, count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        foreach (var (a, b) in candidates)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb && TextLikeness.Alike(trigrams(a), trigrams(b), threshold)) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        return [.. Enumerable.Range(0, count).GroupBy(Root).Where(g => g.Count() > 1)
            .Select(g => g.ToArray()).OrderByDescending(g => g.Length).ThenBy(g => g[0])];
    }
}

/// <summary>
/// The near-duplicate groups of a consultation's public items (similarity at or above
/// <see cref="ReviewOptions.DuplicateThreshold"/>), from the signatures kept with each item
/// (<see cref="LikenessSignatures"/>); only the arguments of candidate pairs are read. The groups of each consultation
/// are kept in memory until a write changes its signatures, so the dashboard does not group again on every load
/// (docs/benchmarks.md).
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
        var candidates = DuplicateGrouping.Candidates([.. items.Select(i => i.Signature)], threshold);
        var texts = await LikenessSignatures.Arguments(session, [.. candidates.SelectMany(p => new[] { items[p.Item1].Id, items[p.Item2].Id }).Distinct()], cancellation);
        string Text(int i) => texts.GetValueOrDefault(items[i].Id, "");
        var trigrams = new Dictionary<int, ulong[]>();
        var groups = DuplicateGrouping.Groups(items.Count, candidates, i => trigrams.TryGetValue(i, out var t) ? t : trigrams[i] = TextLikeness.Trigrams(Text(i)), threshold)
            .Select(g => new DuplicateGroup([.. g.Select(i => items[i].Id)], Text(g[0])))
            .ToList();
        cache.Found[consultationId] = (version, groups);
        return groups;
    }
}
