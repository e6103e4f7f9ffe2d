using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class AdjustedRandIndexTests
{
    [Fact]
    public void The_same_partition_under_other_names_scores_one()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Of([0, 0, 1, 1, 2], ["b", "b", "a", "a", "c"]), 12);
    }

    [Fact]
    public void A_partition_split_further_worked_by_hand()
    {
        // {0,1,2}{3,4,5} against {0,1}{2,3}{4,5}: agreeing pairs 2, row pairs 3 + 3, column pairs 1 + 1 + 1, all pairs 15.
        // Expected 6 · 3 / 15 = 1.2; maximum (6 + 3) / 2 = 4.5; ARI = (2 − 1.2) / (4.5 − 1.2) = 8/33.
        Assert.Equal(8.0 / 33, AdjustedRandIndex.Of([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 12);
    }

    [Fact]
    public void A_partition_at_odds_with_the_other_scores_below_zero()
    {
        // {0,1}{2,3} against {0,2}{1,3}: no pair agrees; expected 2 · 2 / 6; ARI = −(2/3) / (2 − 2/3) = −1/2.
        Assert.Equal(-0.5, AdjustedRandIndex.Of([0, 0, 1, 1], [0, 1, 0, 1]), 12);
    }

    [Fact]
    public void Two_trivial_partitions_agree()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Of([0, 0, 0], [5, 5, 5]));
        Assert.Equal(1.0, AdjustedRandIndex.Of([1], [2]));
    }
}
