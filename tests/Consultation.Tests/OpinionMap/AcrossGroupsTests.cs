using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class AcrossGroupsTests
{
    // s0 both groups mostly agree; s1 A agrees, B disagrees; s2 both split evenly; s3 both agree, A unanimously;
    // s4 only A saw it.
    private static readonly VoteCounts[] GroupA = [new(8, 1, 10), new(9, 0, 10), new(5, 5, 10), new(10, 0, 10), new(3, 0, 3)];
    private static readonly VoteCounts[] GroupB = [new(7, 2, 10), new(1, 8, 10), new(5, 5, 10), new(6, 4, 10), new(0, 0, 0)];

    [Fact]
    public void Consensus_is_what_a_majority_of_every_group_agrees_with_broadest_first()
    {
        // s3: 11/12 · 7/12 = 0.535; s0: 9/12 · 8/12 = 0.5.
        Assert.Equal([3, 0], AcrossGroups.Consensus([GroupA, GroupB]));
    }

    [Fact]
    public void Divisive_is_where_one_groups_majority_agrees_and_anothers_disagrees()
    {
        Assert.Equal([1], AcrossGroups.Divisive([GroupA, GroupB]));
    }

    [Fact]
    public void Divisive_statements_come_widest_gap_first()
    {
        VoteCounts[] a = [new(6, 4, 10), new(10, 0, 10)];
        VoteCounts[] b = [new(4, 6, 10), new(0, 10, 10)];

        Assert.Equal([1, 0], AcrossGroups.Divisive([a, b]));
    }

    [Fact]
    public void With_a_single_group_nothing_is_consensus_or_divisive()
    {
        Assert.Empty(AcrossGroups.Consensus([GroupA]));
        Assert.Empty(AcrossGroups.Divisive([GroupA]));
    }
}
