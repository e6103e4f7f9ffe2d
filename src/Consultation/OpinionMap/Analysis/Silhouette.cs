namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// The silhouette of a clustering: for each point, (b − a) / max(a, b) with a its mean distance to the rest
/// of its own cluster and b its mean distance to the nearest other cluster; 0 for a point alone in its
/// cluster; the clustering's value is the mean over its points. Near 1: tight, well separated clusters.
/// </summary>
public static class Silhouette
{
    public static double Of(IReadOnlyList<Point2> points, IReadOnlyList<int> labels)
    {
        if (points.Count == 0) return 0;
        var clusters = labels.Max() + 1;
        var sizes = new int[clusters];
        foreach (var label in labels) sizes[label]++;
        var total = 0.0;
        var sums = new double[clusters];
        for (var i = 0; i < points.Count; i++)
        {
            if (sizes[labels[i]] == 1) continue;
            Array.Clear(sums);
            for (var j = 0; j < points.Count; j++)
            {
                if (j != i) sums[labels[j]] += points[i].DistanceTo(points[j]);
            }

            var a = sums[labels[i]] / (sizes[labels[i]] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < clusters; c++)
            {
                if (c != labels[i] && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            }

            if (double.IsPositiveInfinity(b)) continue;
            var larger = Math.Max(a, b);
            total += larger == 0 ? 0 : (b - a) / larger;
        }

        return total / points.Count;
    }
}
