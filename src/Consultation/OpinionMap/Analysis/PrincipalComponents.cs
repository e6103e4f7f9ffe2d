using MathNet.Numerics.LinearAlgebra;

namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>A participant's place on the map: the projection on the first two principal components.</summary>
public readonly record struct Point2(double X, double Y)
{
    public double DistanceTo(Point2 other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}

/// <summary>
/// The first two principal components of the mean-imputed vote matrix, by power iteration on the sparse
/// centred votes (Pol.is's method): XᵀX·v is accumulated row by row over the votes cast, so 5,000 × 1,000
/// costs what its ~100,000 votes cost. Each component is sign-normalised (its largest entry positive) so the
/// same votes always draw the same map.
/// </summary>
public sealed class PrincipalComponents
{
    private const int MaxIterations = 1000;
    private const double Tolerance = 1e-10;

    private PrincipalComponents(double[] center, Vector<double> first, Vector<double> second)
    {
        Center = center;
        First = first;
        Second = second;
    }

    /// <summary>The statements' mean votes (the imputed value and the centre).</summary>
    public IReadOnlyList<double> Center { get; }

    public Vector<double> First { get; }

    public Vector<double> Second { get; }

    public static PrincipalComponents Of(VoteMatrix votes)
    {
        var center = MeanImputation.ColumnMeans(votes);
        var rows = CentredRows(votes, center);
        // Variance below this is rounding error (the sum of squares is the total variance): no further axis.
        var negligible = 1e-12 * rows.Sum(r => r.Values.Sum(v => v * v));
        var first = Dominant(rows, votes.StatementIds.Count, orthogonalTo: null, negligible, seed: 1);
        var second = Dominant(rows, votes.StatementIds.Count, orthogonalTo: first, negligible, seed: 2);
        return new PrincipalComponents(center, first, second);
    }

    /// <summary>
    /// Pol.is's sparsity-aware projection: only the votes cast count, and the point is pushed out by
    /// √(statements / votes cast) so a participant who voted on little is not drawn to the centre merely for
    /// that. Moderated-out statements count as passed by everyone (see <see cref="VoteMatrix"/>).
    /// </summary>
    public Point2 Project(VoteMatrix votes, int participant)
    {
        var statements = votes.StatementsOf(participant);
        var values = votes.ValuesOf(participant);
        double x = 0, y = 0;
        var cast = votes.ModeratedOutCount;
        for (var i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            if (votes.IsModeratedOut(s)) continue;
            cast++;
            var centred = values[i] - Center[s];
            x += centred * First[s];
            y += centred * Second[s];
        }

        var scale = Math.Sqrt((double)votes.StatementIds.Count / Math.Max(cast, 1));
        return new Point2(scale * x, scale * y);
    }

    /// <summary>The non-zero cells of the centred, imputed matrix, row by row: the votes cast minus their statement's mean.</summary>
    private static (int[] Statements, double[] Values)[] CentredRows(VoteMatrix votes, double[] center)
    {
        var rows = new (int[] Statements, double[] Values)[votes.ParticipantKeys.Count];
        for (var p = 0; p < rows.Length; p++)
        {
            var statements = votes.StatementsOf(p);
            var values = votes.ValuesOf(p);
            var kept = new List<int>(statements.Length);
            var centred = new List<double>(statements.Length);
            for (var i = 0; i < statements.Length; i++)
            {
                if (votes.IsModeratedOut(statements[i])) continue;
                kept.Add(statements[i]);
                centred.Add(values[i] - center[statements[i]]);
            }

            rows[p] = (kept.ToArray(), centred.ToArray());
        }

        return rows;
    }

    private static Vector<double> Dominant((int[] Statements, double[] Values)[] rows, int n, Vector<double>? orthogonalTo, double negligible, int seed)
    {
        // A fixed pseudo-random start: deterministic, and (unlike all ones) not orthogonal to the answer by construction.
        var random = new SplitMix64((ulong)seed);
        var zero = Vector<double>.Build.Dense(n);
        var v = Normalised(Vector<double>.Build.Dense(n, _ => random.NextDouble() + 0.5), orthogonalTo);
        if (v is null) return zero;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var product = Vector<double>.Build.DenseOfArray(TimesCovariance(rows, v.ToArray()));
            if (product.L2Norm() <= negligible || Normalised(product, orthogonalTo) is not { } next) return zero;
            var converged = (next - v).L2Norm() < Tolerance;
            v = next;
            if (converged) break;
        }

        return SignNormalised(v);
    }

    /// <summary>XᵀX·v accumulated over the rows' non-zero cells.</summary>
    private static double[] TimesCovariance((int[] Statements, double[] Values)[] rows, double[] v)
    {
        var product = new double[v.Length];
        foreach (var (statements, values) in rows)
        {
            double dot = 0;
            for (var i = 0; i < statements.Length; i++) dot += values[i] * v[statements[i]];
            if (dot == 0) continue;
            for (var i = 0; i < statements.Length; i++) product[statements[i]] += dot * values[i];
        }

        return product;
    }

    /// <summary>v with the earlier component taken out, at unit length; null when nothing is left.</summary>
    private static Vector<double>? Normalised(Vector<double> v, Vector<double>? orthogonalTo)
    {
        if (orthogonalTo is not null) v -= orthogonalTo * orthogonalTo.DotProduct(v);
        var norm = v.L2Norm();
        return norm == 0 ? null : v / norm;
    }

    private static Vector<double> SignNormalised(Vector<double> v)
    {
        var largest = v.AbsoluteMaximumIndex();
        return v[largest] < 0 ? -v : v;
    }
}
