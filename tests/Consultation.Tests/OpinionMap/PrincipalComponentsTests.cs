using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class PrincipalComponentsTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void Two_camps_voting_in_step_give_the_diagonal_as_first_axis_and_no_second()
    {
        var votes = Votes.Rows([1, 1], [-1, -1], [1, 1], [-1, -1]);

        var pca = PrincipalComponents.Of(votes);

        // Centre (0, 0); XᵀX = [[4, 4], [4, 4]]: eigenvector (1, 1)/√2 with eigenvalue 8, nothing left after it.
        AssertClose([1 / Math.Sqrt(2), 1 / Math.Sqrt(2)], pca.First);
        AssertClose([0, 0], pca.Second);
        Assert.Equal(Math.Sqrt(2), pca.Project(votes, 0).X, Precision);
        Assert.Equal(-Math.Sqrt(2), pca.Project(votes, 1).X, Precision);
        Assert.Equal(0, pca.Project(votes, 1).Y, Precision);
    }

    [Fact]
    public void A_participant_who_voted_on_half_the_statements_is_pushed_out_by_the_square_root_of_two()
    {
        var votes = Votes.Rows([1, null], [-1, null], [1, 1]);

        var pca = PrincipalComponents.Of(votes);

        // Means (1/3, 1); s1's only vote equals its mean, so the first axis is s0 alone. p0: centred 2/3, scaled by √(2/1).
        AssertClose([1, 0], pca.First);
        Assert.Equal(Math.Sqrt(2) * 2 / 3, pca.Project(votes, 0).X, Precision);
        Assert.Equal(2.0 / 3, pca.Project(votes, 2).X, Precision);
    }

    [Fact]
    public void A_moderated_out_statement_counts_as_passed_by_everyone_in_the_projection()
    {
        var votes = Votes.Rows(["s2"], [1, null, 1], [-1, null, null], [1, -1, null], [-1, 1, null]);

        var pca = PrincipalComponents.Of(votes);
        var p0 = pca.Project(votes, 0);

        // p0's own vote on s2 is ignored; s2 still counts as seen: scale √(3 statements / (1 vote + 1 moderated out)).
        Assert.Equal(0, pca.First[2]);
        Assert.Equal(0, pca.Second[2]);
        Assert.Equal(Math.Sqrt(3.0 / 2) * pca.First[0], p0.X, Precision);
    }

    [Fact]
    public void The_components_are_the_top_two_eigenvectors_of_the_imputed_centred_matrix_as_MathNet_finds_them()
    {
        int?[][] rows =
        [
            [1, 1, -1, null, 0, 1],
            [1, null, -1, -1, 1, 1],
            [-1, -1, 1, 1, null, -1],
            [-1, -1, null, 1, -1, 0],
            [1, 0, -1, null, 1, null],
            [null, -1, 1, 1, -1, -1],
            [1, 1, 0, -1, 1, 1],
            [0, -1, 1, null, -1, -1],
        ];
        var votes = Votes.Rows(rows);
        var means = MeanImputation.ColumnMeans(votes);
        var centred = Matrix<double>.Build.Dense(rows.Length, means.Length, (p, s) => (rows[p][s] ?? means[s]) - means[s]);

        var evd = (centred.TransposeThisAndMultiply(centred)).Evd(Symmetricity.Symmetric);
        var byEigenvalue = Enumerable.Range(0, means.Length).OrderByDescending(i => evd.EigenValues[i].Real).ToList();
        var pca = PrincipalComponents.Of(votes);

        AssertClose(SignNormalised(evd.EigenVectors.Column(byEigenvalue[0])), pca.First, 1e-6);
        AssertClose(SignNormalised(evd.EigenVectors.Column(byEigenvalue[1])), pca.Second, 1e-6);
    }

    [Fact]
    public void The_same_votes_always_draw_the_same_map()
    {
        var votes = Votes.Rows([1, -1, 1], [-1, 1, null], [1, null, -1], [0, 1, 1]);

        var first = PrincipalComponents.Of(votes);
        var second = PrincipalComponents.Of(votes);

        Assert.Equal(first.First.ToArray(), second.First.ToArray());
        Assert.Equal(first.Second.ToArray(), second.Second.ToArray());
    }

    private static Vector<double> SignNormalised(Vector<double> v) => v[v.AbsoluteMaximumIndex()] < 0 ? -v : v;

    private static void AssertClose(double[] expected, Vector<double> actual, double precision = Precision)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], precision);
    }

    private static void AssertClose(Vector<double> expected, Vector<double> actual, double precision) => AssertClose(expected.ToArray(), actual, precision);
}
