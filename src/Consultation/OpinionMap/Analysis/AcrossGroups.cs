namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>What the groups share and where they split.</summary>
public static class AcrossGroups
{
    /// <summary>
    /// Statements a majority of every group agrees with (more than half of the group's voters on it), the
    /// broadest agreement first: ordered by the product of the groups' pseudocounted agree shares, Pol.is's
    /// "group-aware consensus".
    /// </summary>
    /// <param name="counts">counts[group][statement].</param>
    public static IReadOnlyList<int> Consensus(IReadOnlyList<VoteCounts[]> counts) =>
        Statements(counts)
            .Where(s => counts.All(g => 2 * g[s].Agree > g[s].Seen))
            .OrderByDescending(s => counts.Aggregate(1.0, (product, g) => product * g[s].AgreeShare))
            .ThenBy(s => s)
            .ToList();

    /// <summary>
    /// Statements on which the groups take opposite sides: a majority of one group agrees and a majority of
    /// another disagrees. The widest gap between the groups' agree shares first.
    /// </summary>
    public static IReadOnlyList<int> Divisive(IReadOnlyList<VoteCounts[]> counts) =>
        Statements(counts)
            .Where(s => counts.Any(g => 2 * g[s].Agree > g[s].Seen) && counts.Any(g => 2 * g[s].Disagree > g[s].Seen))
            .OrderByDescending(s => counts.Max(g => g[s].AgreeShare) - counts.Min(g => g[s].AgreeShare))
            .ThenBy(s => s)
            .ToList();

    private static IEnumerable<int> Statements(IReadOnlyList<VoteCounts[]> counts) =>
        counts.Count < 2 ? [] : Enumerable.Range(0, counts[0].Length);
}
