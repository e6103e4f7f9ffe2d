namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>Which cluster each point fell in (0..Centers.Count-1) and the clusters' weighted centres.</summary>
public sealed record Clustering(IReadOnlyList<int> Labels, IReadOnlyList<Point2> Centers);

/// <summary>
/// Weighted k-means on map points. Deterministic: k-means++ seeding from a fixed seed, several such starts,
/// the one with the least weighted squared distance kept (ties to the earliest start).
/// </summary>
public static class KMeans
{
    private const int MaxIterations = 100;

    /// <param name="k">Wanted clusters; fewer come back when there are fewer distinct points.</param>
    public static Clustering Cluster(IReadOnlyList<Point2> points, IReadOnlyList<double> weights, int k, int starts = 5, ulong seed = 42) =>
        Cluster(points.ToArray(), weights.ToArray(), k, starts, seed);

    // Arrays rather than interfaces in the loops: the base clustering compares 5,000 points with 100 centres per pass.
    private static Clustering Cluster(Point2[] points, double[] weights, int k, int starts, ulong seed)
    {
        if (points.Length == 0) return new Clustering([], []);
        k = Math.Min(k, points.Distinct().Count());
        Clustering? best = null;
        var bestCost = double.PositiveInfinity;
        var random = new SplitMix64(seed);
        for (var start = 0; start < starts; start++)
        {
            var clustering = Lloyd(points, weights, Seeds(points, weights, k, ref random));
            var cost = Cost(points, weights, clustering);
            if (cost < bestCost)
            {
                best = clustering;
                bestCost = cost;
            }
        }

        return best!;
    }

    /// <summary>k-means++: each next seed drawn with probability ∝ weight × squared distance to the nearest seed so far.</summary>
    private static List<Point2> Seeds(Point2[] points, double[] weights, int k, ref SplitMix64 random)
    {
        var seeds = new List<Point2>(k) { points[Draw(weights, ref random)] };
        var nearest = points.Select(p => SquaredDistance(p, seeds[0])).ToArray();
        while (seeds.Count < k)
        {
            var mass = new double[points.Length];
            for (var i = 0; i < points.Length; i++) mass[i] = weights[i] * nearest[i];
            var next = points[Draw(mass, ref random)];
            seeds.Add(next);
            for (var i = 0; i < points.Length; i++) nearest[i] = Math.Min(nearest[i], SquaredDistance(points[i], next));
        }

        return seeds;
    }

    private static Clustering Lloyd(Point2[] points, double[] weights, IReadOnlyList<Point2> seeds)
    {
        var centers = seeds.ToArray();
        var labels = new int[points.Length];
        Array.Fill(labels, -1);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < points.Length; i++)
            {
                var label = Nearest(points[i], centers);
                changed |= label != labels[i];
                labels[i] = label;
            }

            if (!changed) break;
            centers = Centers(points, weights, labels, centers);
        }

        return Compacted(points, weights, labels, centers.Length);
    }

    /// <summary>Total weighted squared distance of the points to their centres: what k-means minimises.</summary>
    public static double Cost(IReadOnlyList<Point2> points, IReadOnlyList<double> weights, Clustering clustering)
    {
        var cost = 0.0;
        for (var i = 0; i < points.Count; i++) cost += weights[i] * SquaredDistance(points[i], clustering.Centers[clustering.Labels[i]]);
        return cost;
    }

    private static Point2[] Centers(Point2[] points, double[] weights, int[] labels, Point2[] previous)
    {
        var x = new double[previous.Length];
        var y = new double[previous.Length];
        var w = new double[previous.Length];
        for (var i = 0; i < points.Length; i++)
        {
            x[labels[i]] += weights[i] * points[i].X;
            y[labels[i]] += weights[i] * points[i].Y;
            w[labels[i]] += weights[i];
        }

        // An emptied cluster keeps its centre; Compacted drops it at the end if it is still empty.
        return previous.Select((c, j) => w[j] > 0 ? new Point2(x[j] / w[j], y[j] / w[j]) : c).ToArray();
    }

    private static Clustering Compacted(Point2[] points, double[] weights, int[] labels, int k)
    {
        var used = labels.Distinct().Order().ToArray();
        var renumber = new int[k];
        for (var j = 0; j < used.Length; j++) renumber[used[j]] = j;
        var compact = labels.Select(l => renumber[l]).ToArray();
        return new Clustering(compact, Centers(points, weights, compact, new Point2[used.Length]));
    }

    private static int Nearest(Point2 point, Point2[] centers)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var j = 0; j < centers.Length; j++)
        {
            var distance = SquaredDistance(point, centers[j]);
            if (distance < bestDistance)
            {
                best = j;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Draw(double[] mass, ref SplitMix64 random)
    {
        var total = mass.Sum();
        if (total <= 0) return 0;
        var target = random.NextDouble() * total;
        for (var i = 0; i < mass.Length; i++)
        {
            target -= mass[i];
            if (target < 0 && mass[i] > 0) return i;
        }

        return Array.FindLastIndex(mass, m => m > 0);
    }

    private static double SquaredDistance(Point2 a, Point2 b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
