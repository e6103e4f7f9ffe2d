using Nq45Consult.Bench.OpinionMap;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

/// <summary>
/// Our groups set beside Pol.is's own on two real conversations (The Computational Democracy Project's open
/// data, CC BY 4.0; bench/OpinionMap/PolisOpenData): the same number of groups, and an adjusted Rand index of
/// at least 0.8 over the participants both placed.
/// </summary>
public class PolisComparisonTests
{
    [Theory]
    [InlineData("15-per-hour-seattle")]
    [InlineData("vtaiwan.uberx")]
    public void We_find_Pol_is_groups(string conversation)
    {
        var comparison = PolisOpenData.Compare(conversation);

        Assert.Equal(comparison.PolisGroups, comparison.OurGroups);
        Assert.True(comparison.Compared > 100, $"only {comparison.Compared} participants compared");
        Assert.True(comparison.Ari >= 0.8, $"ARI {comparison.Ari:F3}");
    }
}
