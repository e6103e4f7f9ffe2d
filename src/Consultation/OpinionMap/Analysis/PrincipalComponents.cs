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
        var first = Dominant(votes, center, orthogonalTo: null, seed: 1);
        var second = Dominant(votes, center, orthogonalTo: first, seed: 2);
        return new PrincipalComponents(center, first, second);
    }

    /// <summary>
    /// Pol.is's sparsity-aware projection: only the votes cast count, and the point is pushed out by
    /// √(statements / votes cast) so a participant who voted on little is not drawn to the centre merely for that.
    /// </summary>
    public Point2 Project(VoteMatrix votes, int participant)
    {
        var statements = votes.StatementsOf(participant);
        var values = votes.ValuesOf(participant);
        double x = 0, y = 0;
        for (var i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            var centred = values[i] - Center[s];
            x += centred * First[s];
            y += centred * Second[s];
        }

        var scale = Math.Sqrt((double)votes.StatementIds.Count / Math.Max(statements.Length, 1));
        return new Point2(scale * x, scale * y);
    }

    private static Vector<double> Dominant(VoteMatrix votes, double[] center, Vector<double>? orthogonalTo, int seed)
    {
        var n = votes.StatementIds.Count;
        // A fixed pseudo-random start: deterministic, and (unlike all ones) not orthogonal to the answer by construction.
        var random = new SplitMix64((ulong)seed);
        var v = Vector<double>.Build.Dense(n, _ => random.NextDouble() + 0.5);
        var product = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (orthogonalTo is not null) v -= orthogonalTo * orthogonalTo.DotProduct(v);
            var norm = v.L2Norm();
            if (norm == 0) return Vector<double>.Build.Dense(n);
            v /= norm;
            Array.Clear(product);
            for (var p = 0; p < votes.ParticipantKeys.Count; p++)
            {
                var statements = votes.StatementsOf(p);
                var values = votes.ValuesOf(p);
                double dot = 0;
                for (var i = 0; i < statements.Length; i++) dot += (values[i] - center[statements[i]]) * v[statements[i]];
                if (dot == 0) continue;
                for (var i = 0; i < statements.Length; i++) product[statements[i]] += dot * (values[i] - center[statements[i]]);
            }

            var next = Vector<double>.Build.DenseOfArray((double[])product.Clone());
            if (orthogonalTo is not null) next -= orthogonalTo * orthogonalTo.DotProduct(next);
            var nextNorm = next.L2Norm();
            if (nextNorm == 0) return Vector<double>.Build.Dense(n);
            next /= nextNorm;
            var converged = (next - v).L2Norm() < Tolerance;
            v = next;
            if (converged) break;
        }

        return SignNormalised(v);
    }

    private static Vector<double> SignNormalised(Vector<double> v)
    {
        var largest = v.AbsoluteMaximumIndex();
        return v[largest] < 0 ? -v : v;
    }
}
