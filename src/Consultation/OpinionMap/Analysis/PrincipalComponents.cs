using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>A participant's place on the map: the projection on the first two principal components.</summary>
public readonly record struct Point2(double X, double Y)
{
    public double DistanceTo(Point2 other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}

/// <summary>
/// The first two principal components of the mean-imputed vote matrix X (centred on the statements' means),
/// by subspace iteration: a two-vector basis is multiplied by XᵀX and re-orthonormalised until the plane
/// it spans stops turning, then the plane's own 2 × 2 eigenproblem orders the two axes (Rayleigh–Ritz). XᵀX is
/// never formed: XᵀX·B is accumulated row by row over the votes cast (a missing vote is zero once centred), so
/// 5,000 × 1,000 costs what its ~100,000 votes cost. Pol.is runs single-vector power iteration, which crawls
/// when the first two eigenvalues are close (three groups of similar size); iterating the plane converges at
/// the rate of the third eigenvalue to the second instead. Each axis is sign-normalised (its largest entry
/// positive) so the same votes always draw the same map.
/// </summary>
public sealed class PrincipalComponents
{
    private const int MaxIterations = 1000;

    /// <summary>How far the new basis may stick out of the old plane (≈ the sine of the angle turned) once converged.</summary>
    private const double Tolerance = 1e-11;

    private PrincipalComponents(double[] center, Vector<double> first, Vector<double> second)
    {
        Center = center;
        First = first;
        Second = second;
    }

    /// <summary>The statements' mean votes (the imputed value and the centre).</summary>
    public IReadOnlyList<double> Center { get; }

    /// <summary>The axis of greatest variance; all zeros when there is none.</summary>
    public Vector<double> First { get; }

    /// <summary>The axis of greatest variance across the first; all zeros when there is none.</summary>
    public Vector<double> Second { get; }

    public static PrincipalComponents Of(VoteMatrix votes)
    {
        var n = votes.StatementIds.Count;
        if (n == 0) throw new ArgumentException("There are no statements to place participants by.", nameof(votes));
        var center = MeanImputation.ColumnMeans(votes);
        var rows = CentredRows(votes, center);
        // Variance below this is rounding error (the sum of squares is the total variance): no axis there.
        var negligible = 1e-12 * rows.Sum(r => r.Values.Sum(v => v * v));
        var axes = TopAxes(rows, n, Math.Min(2, n), negligible);
        return new PrincipalComponents(center, axes[0], axes.Count > 1 ? axes[1] : Vector<double>.Build.Dense(n));
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

    private static List<Vector<double>> TopAxes((int[] Statements, double[] Values)[] rows, int n, int k, double negligible)
    {
        // A fixed pseudo-random start: deterministic, and not orthogonal to the answer by construction.
        var random = new SplitMix64(1);
        var basis = Orthonormal(Enumerable.Range(0, k).Select(_ => Vector<double>.Build.Dense(n, _ => random.NextDouble() - 0.5)).ToArray());
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var next = Orthonormal(TimesCovariance(rows, basis));
            var turned = Math.Sqrt(next.Sum(v => Math.Pow(OutOf(basis, v).L2Norm(), 2)));
            basis = next;
            if (turned < Tolerance) break;
        }

        var products = TimesCovariance(rows, basis);
        var rayleigh = Matrix<double>.Build.Dense(k, k, (i, j) => (basis[i].DotProduct(products[j]) + basis[j].DotProduct(products[i])) / 2);
        var evd = rayleigh.Evd(Symmetricity.Symmetric);
        return Enumerable.Range(0, k)
            .OrderByDescending(i => evd.EigenValues[i].Real)
            .Select(i => evd.EigenValues[i].Real <= negligible
                ? Vector<double>.Build.Dense(n)
                : SignNormalised(Enumerable.Range(0, k).Aggregate(Vector<double>.Build.Dense(n), (axis, j) => axis + (basis[j] * evd.EigenVectors[j, i]))))
            .ToList();
    }

    /// <summary>
    /// Gram–Schmidt, done twice for accuracy. A column with nothing left but rounding error (no variance in a
    /// further direction) becomes zeros: rounding error, scaled up, would point anywhere. Written out rather than
    /// MathNet's QR, whose parallel loops cost more than the whole product on a shared machine.
    /// </summary>
    private static Vector<double>[] Orthonormal(Vector<double>[] columns)
    {
        const double Dependent = 1e-10;
        var basis = new Vector<double>[columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            var v = OutOf(basis[..j], OutOf(basis[..j], columns[j]));
            var norm = v.L2Norm();
            basis[j] = norm <= Dependent * columns[j].L2Norm() ? Vector<double>.Build.Dense(v.Count) : v / norm;
        }

        return basis;
    }

    /// <summary>What is left of v once its parts along the (orthonormal) basis are taken out.</summary>
    private static Vector<double> OutOf(Vector<double>[] basis, Vector<double> v) =>
        basis.Aggregate(v, (rest, b) => rest - (b * b.DotProduct(rest)));

    /// <summary>XᵀX·b for each basis vector b, accumulated over the rows' non-zero cells.</summary>
    private static Vector<double>[] TimesCovariance((int[] Statements, double[] Values)[] rows, Vector<double>[] basis)
    {
        var columns = basis.Select(b => b.ToArray()).ToArray();
        var products = columns.Select(c => new double[c.Length]).ToArray();
        foreach (var (statements, values) in rows)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                var column = columns[j];
                double dot = 0;
                for (var i = 0; i < statements.Length; i++) dot += values[i] * column[statements[i]];
                if (dot == 0) continue;
                var product = products[j];
                for (var i = 0; i < statements.Length; i++) product[statements[i]] += dot * values[i];
            }
        }

        return products.Select(p => Vector<double>.Build.DenseOfArray(p)).ToArray();
    }

    private static Vector<double> SignNormalised(Vector<double> v)
    {
        var largest = v.AbsoluteMaximumIndex();
        return v[largest] < 0 ? -v : v;
    }
}
