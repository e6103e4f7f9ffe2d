using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class MeanImputationTests
{
    [Fact]
    public void A_missing_vote_takes_its_statements_mean_over_the_votes_cast_and_a_pass_counts_as_zero()
    {
        var votes = Votes.Rows(
            [1, -1, null, null],
            [1, null, 0, null],
            [-1, -1, null, null]);

        // s0: (1 + 1 - 1) / 3; s1: (-1 - 1) / 2; s2: one pass; s3: nobody voted.
        Assert.Equal([1.0 / 3, -1, 0, 0], MeanImputation.ColumnMeans(votes));
    }

    [Fact]
    public void A_moderated_out_statement_is_centred_on_zero_whatever_its_votes()
    {
        var votes = Votes.Rows(["s1"], [1, 1], [1, 1]);

        Assert.Equal([1.0, 0], MeanImputation.ColumnMeans(votes));
    }

    [Fact]
    public void A_changed_vote_replaces_the_earlier_one_and_a_vote_outside_minus_one_to_one_is_refused()
    {
        var matrix = new VoteMatrix(["a"], ["x"], [new Vote("a", "x", 1), new Vote("a", "x", -1)]);

        Assert.Equal([-1.0], MeanImputation.ColumnMeans(matrix));
        Assert.Equal(1, matrix.VoteCount);
        Assert.Throws<ArgumentException>(() => new VoteMatrix(["a"], ["x"], [new Vote("a", "x", 2)]));
        Assert.Throws<ArgumentException>(() => new VoteMatrix(["a"], ["x"], [new Vote("b", "x", 1)]));
    }
}
