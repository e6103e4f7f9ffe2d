using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>
/// Pairs the sections of two versions. Identical content wins over equal anchors: inserting a
/// bullet shifts the anchors of the bullets after it, and those bullets should still read as
/// unchanged. Remaining sections pair by word similarity, and only then by anchor alone
/// (a section rewritten in place).
/// </summary>
internal sealed class SectionMatcher
{
    public const double SimilarityThreshold = 0.6;

    /// <summary>
    /// Similarity is compared pair by pair; past this many pairs (two large, wholly rewritten
    /// drafts) the step is skipped so a diff request stays fast.
    /// </summary>
    private const long MaxSimilarityPairs = 1_000_000;

    private readonly IReadOnlyList<DraftSection> _from;
    private readonly IReadOnlyList<DraftSection> _to;
    private readonly string[] _fromText;
    private readonly string[] _toText;
    private readonly int[] _fromMatch;
    private readonly int[] _toMatch;

    private SectionMatcher(IReadOnlyList<DraftSection> from, IReadOnlyList<DraftSection> to)
    {
        _from = from;
        _to = to;
        _fromText = from.Select(ComparableText.Of).ToArray();
        _toText = to.Select(ComparableText.Of).ToArray();
        _fromMatch = Enumerable.Repeat(-1, from.Count).ToArray();
        _toMatch = Enumerable.Repeat(-1, to.Count).ToArray();
    }

    /// <summary>For each "to" section, the index of its "from" section or -1 (and the reverse).</summary>
    public static (int[] ToMatch, int[] FromMatch) Match(IReadOnlyList<DraftSection> from, IReadOnlyList<DraftSection> to)
    {
        var matcher = new SectionMatcher(from, to);
        matcher.PairSameAnchor(requireSameText: true);
        matcher.PairSameText();
        matcher.PairSimilar();
        matcher.PairSameAnchor(requireSameText: false);
        return (matcher._toMatch, matcher._fromMatch);
    }

    private void PairSameAnchor(bool requireSameText)
    {
        var fromByAnchor = Unmatched(_fromMatch).ToDictionary(i => _from[i].Anchor, StringComparer.Ordinal);
        foreach (var t in Unmatched(_toMatch))
        {
            if (fromByAnchor.TryGetValue(_to[t].Anchor, out var f) && _fromMatch[f] < 0
                && (!requireSameText || _fromText[f] == _toText[t]))
            {
                Pair(f, t);
            }
        }
    }

    private void PairSameText()
    {
        var fromByText = Unmatched(_fromMatch)
            .GroupBy(i => _fromText[i], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<int>(g), StringComparer.Ordinal);
        foreach (var t in Unmatched(_toMatch))
        {
            if (fromByText.TryGetValue(_toText[t], out var candidates) && candidates.TryDequeue(out var f))
            {
                Pair(f, t);
            }
        }
    }

    private void PairSimilar()
    {
        var fromLeft = Unmatched(_fromMatch).ToList();
        var toLeft = Unmatched(_toMatch).ToList();
        if ((long)fromLeft.Count * toLeft.Count > MaxSimilarityPairs)
        {
            return;
        }

        var fromWords = fromLeft.ToDictionary(f => f, f => new TextSimilarity(_fromText[f]));
        var candidates = new List<(double Score, int From, int To)>();
        foreach (var t in toLeft)
        {
            var toWords = new TextSimilarity(_toText[t]);
            foreach (var f in fromLeft)
            {
                var score = toWords.To(fromWords[f]);
                if (score >= SimilarityThreshold)
                {
                    candidates.Add((score, f, t));
                }
            }
        }

        // Best pairs first; among equals, the one closest in document order.
        foreach (var (_, f, t) in candidates.OrderByDescending(c => c.Score).ThenBy(c => Math.Abs(c.From - c.To)))
        {
            if (_fromMatch[f] < 0 && _toMatch[t] < 0)
            {
                Pair(f, t);
            }
        }
    }

    private static IEnumerable<int> Unmatched(int[] matches) => Enumerable.Range(0, matches.Length).Where(i => matches[i] < 0);

    private void Pair(int from, int to)
    {
        _fromMatch[from] = to;
        _toMatch[to] = from;
    }
}
