namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>How one group (or everyone else) voted on one statement.</summary>
public readonly record struct VoteCounts(int Agree, int Disagree, int Seen)
{
    public static VoteCounts operator +(VoteCounts a, VoteCounts b) => new(a.Agree + b.Agree, a.Disagree + b.Disagree, a.Seen + b.Seen);

    /// <summary>Share agreeing with one pseudo-vote each way, so a statement seen by few is not 0 % or 100 %.</summary>
    public double AgreeShare => (Agree + 1.0) / (Seen + 2.0);

    public double DisagreeShare => (Disagree + 1.0) / (Seen + 2.0);
}

public enum RepresentativeFor
{
    Agree,
    Disagree,
}

/// <summary>
/// Pol.is's "repness": a statement represents a group when the group agrees (or disagrees) with it clearly
/// more than everyone outside the group, and a clear share of the group does so. Both are one-sided z-tests
/// at 90 % on pseudocounted proportions; the up to five strongest statements are kept, and when none passes,
/// the single one with the best test so that every group has something to show.
/// </summary>
public static class Representativeness
{
    /// <summary>One-sided z at 90 % confidence.</summary>
    public const double Significant = 1.2816;

    public const int MaxPerGroup = 5;

    /// <summary>One statement's standing in one group, compared with all the other groups together.</summary>
    public sealed record Standing(int Statement, VoteCounts In, VoteCounts Out)
    {
        public double AgreeTest => ProportionTest(In.Agree, In.Seen);

        public double DisagreeTest => ProportionTest(In.Disagree, In.Seen);

        public double AgreeRatio => In.AgreeShare / Out.AgreeShare;

        public double DisagreeRatio => In.DisagreeShare / Out.DisagreeShare;

        public double AgreeVersusOutside => TwoProportionTest(In.Agree, Out.Agree, In.Seen, Out.Seen);

        public double DisagreeVersusOutside => TwoProportionTest(In.Disagree, Out.Disagree, In.Seen, Out.Seen);

        /// <summary>The side on which the group stands apart more.</summary>
        public RepresentativeFor For => AgreeVersusOutside > DisagreeVersusOutside ? RepresentativeFor.Agree : RepresentativeFor.Disagree;

        public bool Passes =>
            (AgreeVersusOutside > Significant && AgreeTest > Significant)
            || (DisagreeVersusOutside > Significant && DisagreeTest > Significant);

        /// <summary>Pol.is's ranking: ratio × its test × share × its test, on the side the statement is for.</summary>
        public double Strength => For == RepresentativeFor.Agree
            ? AgreeRatio * AgreeVersusOutside * In.AgreeShare * AgreeTest
            : DisagreeRatio * DisagreeVersusOutside * In.DisagreeShare * DisagreeTest;
    }

    /// <summary>z for "more than half succeed", with one pseudo-trial and pseudo-success added.</summary>
    public static double ProportionTest(int successes, int trials) =>
        2 * Math.Sqrt(trials + 1.0) * (((successes + 1.0) / (trials + 1.0)) - 0.5);

    /// <summary>
    /// z for "the first population succeeds more often than the second", each count given a pseudocount of one;
    /// 0 when the pooled proportion is 1 (no spread to test against).
    /// </summary>
    public static double TwoProportionTest(int successesIn, int successesOut, int trialsIn, int trialsOut)
    {
        double s1 = successesIn + 1, s2 = successesOut + 1, n1 = trialsIn + 1, n2 = trialsOut + 1;
        var pooled = (s1 + s2) / (n1 + n2);
        if (pooled >= 1) return 0;
        return ((s1 / n1) - (s2 / n2)) / Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
    }

    /// <summary>Per group (in the order given), the statements that represent it, strongest first.</summary>
    /// <param name="counts">counts[group][statement].</param>
    public static IReadOnlyList<IReadOnlyList<Standing>> Select(IReadOnlyList<VoteCounts[]> counts)
    {
        var statements = counts.Count == 0 ? 0 : counts[0].Length;
        var totals = new VoteCounts[statements];
        foreach (var group in counts)
        {
            for (var s = 0; s < statements; s++) totals[s] += group[s];
        }

        return counts.Select(group =>
        {
            var standings = Enumerable.Range(0, statements)
                .Where(s => group[s].Seen > 0)
                .Select(s => new Standing(s, group[s], Outside(totals[s], group[s])))
                .ToList();
            var passing = standings.Where(s => s.Passes).OrderByDescending(s => s.Strength).ThenBy(s => s.Statement).Take(MaxPerGroup).ToList();
            if (passing.Count > 0) return (IReadOnlyList<Standing>)passing;
            return standings
                .OrderByDescending(s => Math.Max(s.AgreeVersusOutside, s.DisagreeVersusOutside))
                .ThenBy(s => s.Statement)
                .Take(1)
                .ToList();
        }).ToList();
    }

    private static VoteCounts Outside(VoteCounts total, VoteCounts inside) =>
        new(total.Agree - inside.Agree, total.Disagree - inside.Disagree, total.Seen - inside.Seen);
}
