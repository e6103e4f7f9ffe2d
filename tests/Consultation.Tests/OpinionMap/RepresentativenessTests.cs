using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class RepresentativenessTests
{
    [Fact]
    public void The_proportion_test_adds_one_pseudo_success_and_one_pseudo_trial()
    {
        // 3 of 4 → 2 √5 (4/5 − 1/2).
        Assert.Equal(2 * Math.Sqrt(5) * 0.3, Representativeness.ProportionTest(3, 4), 12);
        Assert.Equal(2 * Math.Sqrt(1) * 0.5, Representativeness.ProportionTest(0, 0), 12);
    }

    [Fact]
    public void The_two_proportion_test_worked_by_hand()
    {
        // 8 of 10 against 2 of 10 → 9/11 against 3/11, pooled 12/22: z = (6/11) / √(12/22 · 10/22 · 2/11) = 2.5690…
        Assert.Equal(2.5690465157330262, Representativeness.TwoProportionTest(8, 2, 10, 10), 12);
        Assert.True(Representativeness.TwoProportionTest(2, 8, 10, 10) < 0);
        // Everyone succeeded: no spread to test against.
        Assert.Equal(0, Representativeness.TwoProportionTest(5, 5, 5, 5));
    }

    [Fact]
    public void A_statement_one_group_agrees_with_and_the_other_rejects_represents_each_on_its_own_side()
    {
        VoteCounts[] groupA = [new(9, 1, 10), new(5, 5, 10)];
        VoteCounts[] groupB = [new(1, 9, 10), new(5, 5, 10)];

        var selected = Representativeness.Select([groupA, groupB]);

        var a = Assert.Single(selected[0]);
        Assert.Equal((0, RepresentativeFor.Agree), (a.Statement, a.For));
        Assert.True(a.Passes);
        var b = Assert.Single(selected[1]);
        Assert.Equal((0, RepresentativeFor.Disagree), (b.Statement, b.For));
        Assert.Equal(new VoteCounts(1, 9, 10), b.In);
        Assert.Equal(new VoteCounts(9, 1, 10), b.Out);
    }

    [Fact]
    public void A_group_with_nothing_significant_still_gets_its_most_distinctive_statement()
    {
        // s1 leans the groups apart a little (6 vs 4 of 10), far from significant; s2 nobody in the groups saw.
        VoteCounts[] groupA = [new(5, 5, 10), new(6, 4, 10), new(0, 0, 0)];
        VoteCounts[] groupB = [new(5, 5, 10), new(4, 6, 10), new(0, 0, 0)];

        var selected = Representativeness.Select([groupA, groupB]);

        var a = Assert.Single(selected[0]);
        Assert.False(a.Passes);
        Assert.Equal((1, RepresentativeFor.Agree), (a.Statement, a.For));
        Assert.Equal((1, RepresentativeFor.Disagree), (selected[1][0].Statement, selected[1][0].For));
    }

    [Fact]
    public void At_most_five_statements_represent_a_group_strongest_first()
    {
        var groupA = Enumerable.Range(0, 8).Select(s => new VoteCounts(12 + s, 0, 20)).ToArray();
        var groupB = Enumerable.Range(0, 8).Select(_ => new VoteCounts(0, 20, 20)).ToArray();

        var selected = Representativeness.Select([groupA, groupB])[0];

        Assert.Equal([7, 6, 5, 4, 3], selected.Select(s => s.Statement));
    }
}
