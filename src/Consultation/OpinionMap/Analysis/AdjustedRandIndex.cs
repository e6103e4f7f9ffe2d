namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// Hubert and Arabie's adjusted Rand index of two partitions of the same items: 1 when they agree exactly
/// (whatever the labels are called), about 0 for chance agreement. Labels are any values compared by equality.
/// </summary>
public static class AdjustedRandIndex
{
    public static double Of<TA, TB>(IReadOnlyList<TA> first, IReadOnlyList<TB> second)
        where TA : notnull
        where TB : notnull
    {
        if (first.Count != second.Count) throw new ArgumentException("Both partitions must label the same items.", nameof(second));
        var n = first.Count;
        if (n < 2) return 1;
        var cells = new Dictionary<(TA, TB), int>();
        var rows = new Dictionary<TA, int>();
        var columns = new Dictionary<TB, int>();
        for (var i = 0; i < n; i++)
        {
            cells[(first[i], second[i])] = cells.GetValueOrDefault((first[i], second[i])) + 1;
            rows[first[i]] = rows.GetValueOrDefault(first[i]) + 1;
            columns[second[i]] = columns.GetValueOrDefault(second[i]) + 1;
        }

        var index = cells.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(n);
        var max = (rowPairs + columnPairs) / 2;
        // Both partitions trivial (one cluster each, or all singletons): they can only agree.
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double Pairs(int count) => count * (count - 1) / 2.0;
}
