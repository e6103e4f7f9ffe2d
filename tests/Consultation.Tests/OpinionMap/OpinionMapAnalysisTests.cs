using System.Text.Json;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class OpinionMapAnalysisTests
{
    /// <summary>
    /// Sixteen participants, eight statements: p0–p7 agree with s0–s5, p8–p15 reject them, everyone agrees
    /// with s7; s6 is moderated out although everyone agreed. p16 voted twice only (and, with 16 others
    /// grouped, is not needed to make up Pol.is's minimum of 15).
    /// </summary>
    private static VoteMatrix TwoCamps()
    {
        var rows = new List<int?[]>();
        for (var p = 0; p < 16; p++)
        {
            var side = p < 8 ? 1 : -1;
            // One dissent per camp member keeps the camps from being single points.
            rows.Add(Enumerable.Range(0, 8).Select(s => (int?)(s >= 6 ? 1 : s == p % 6 && p % 3 == 0 ? 0 : side)).ToArray());
        }

        rows.Add([1, -1, null, null, null, null, null, null]);
        return Votes.Rows(["s6"], [.. rows]);
    }

    [Fact]
    public void Two_camps_are_two_groups_with_their_statements_and_what_they_share()
    {
        var map = OpinionMapAnalysis.Analyse(TwoCamps());

        Assert.Equal(17, map.Participants);
        Assert.Equal(2, map.Groups.Count);
        Assert.Equal([8, 8], map.Groups.Select(g => g.Size));
        var camps = map.Groups.Select(g => g.ParticipantKeys.ToHashSet()).ToList();
        Assert.Contains(camps, c => c.SetEquals(Enumerable.Range(0, 8).Select(p => $"p{p}")));
        Assert.Contains(camps, c => c.SetEquals(Enumerable.Range(8, 8).Select(p => $"p{p}")));
        Assert.Equal(["s7"], map.Consensus);
        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s5"], map.Divisive.Order());
        foreach (var group in map.Groups)
        {
            var agreeing = group.ParticipantKeys.Contains("p0");
            Assert.NotEmpty(group.Representative);
            Assert.All(group.Representative, r => Assert.Equal(agreeing ? RepresentativeFor.Agree : RepresentativeFor.Disagree, r.For));
            Assert.DoesNotContain(group.Representative, r => r.StatementId is "s6" or "s7");
        }
    }

    [Fact]
    public void A_participant_with_too_few_votes_is_on_the_map_but_in_no_group()
    {
        var map = OpinionMapAnalysis.Analyse(TwoCamps());

        var p16 = Assert.Single(map.Points, p => p.ParticipantKey == "p16");
        Assert.Null(p16.GroupId);
        Assert.DoesNotContain(map.Groups, g => g.ParticipantKeys.Contains("p16"));
        Assert.All(map.Points.Where(p => p.ParticipantKey != "p16"), p => Assert.NotNull(p.GroupId));
    }

    [Fact]
    public void Groups_are_numbered_largest_first_and_points_carry_their_group()
    {
        var map = OpinionMapAnalysis.Analyse(TwoCamps());

        Assert.Equal([0, 1], map.Groups.Select(g => g.Id));
        foreach (var group in map.Groups)
        {
            Assert.All(group.ParticipantKeys, key => Assert.Equal(group.Id, map.Points.Single(p => p.ParticipantKey == key).GroupId));
        }
    }

    [Fact]
    public void The_same_votes_always_give_the_same_map()
    {
        Assert.Equal(
            JsonSerializer.Serialize(OpinionMapAnalysis.Analyse(TwoCamps())),
            JsonSerializer.Serialize(OpinionMapAnalysis.Analyse(TwoCamps())));
    }

    [Fact]
    public void Seven_votes_are_needed_or_every_statement_when_there_are_fewer_and_the_most_active_fill_up_to_fifteen()
    {
        // Three statements: voting on all three is enough; twenty such voters, so nobody is added.
        var small = Votes.Rows([.. Enumerable.Range(0, 20).Select(p => new int?[] { 1, p % 2 == 0 ? 1 : -1, -1 }), [1, null, null]]);
        Assert.Equal(20, OpinionMapAnalysis.Clustered(small, Enumerable.Range(0, 21).ToList()).Count);

        // Ten statements; p0 and p1 cast 7 votes, the others 1 to 6 (p % 6 + 1). The 13 most active others fill
        // up to 15, the earlier participant first among equals: p7 (2 votes) is in, p13 (2 votes) and p6 (1) are not.
        var rows = Enumerable.Range(0, 20).Select(p => Enumerable.Range(0, 10).Select(s => s < (p < 2 ? 7 : (p % 6) + 1) ? (int?)1 : null).ToArray()).ToArray();
        var clustered = OpinionMapAnalysis.Clustered(Votes.Rows(rows), Enumerable.Range(0, 20).ToList());
        Assert.Equal(15, clustered.Count);
        Assert.Contains(0, clustered);
        Assert.Contains(1, clustered);
        Assert.Contains(7, clustered);
        Assert.DoesNotContain(13, clustered);
        Assert.DoesNotContain(6, clustered);
    }

    [Fact]
    public void Nobody_voting_gives_an_empty_map()
    {
        var map = OpinionMapAnalysis.Analyse(new VoteMatrix(["a", "b"], ["x"], []));

        Assert.Equal(0, map.Participants);
        Assert.Empty(map.Groups);
        Assert.Empty(map.Points);
    }
}
