using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class SilhouetteTests
{
    [Fact]
    public void Two_pairs_on_a_line_worked_by_hand()
    {
        // Points 0, 1 | 5, 6. Outer points: a = 1, b = (5 + 6) / 2 → 9/11; inner points: a = 1, b = (4 + 5) / 2 → 7/9.
        Point2[] points = [new(0, 0), new(1, 0), new(5, 0), new(6, 0)];

        Assert.Equal(((9.0 / 11) + (7.0 / 9)) / 2, Silhouette.Of(points, [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void A_point_alone_in_its_cluster_scores_zero()
    {
        // 0, 1 | 10: the first two score 9/10 and 8/9, the lone point 0.
        Point2[] points = [new(0, 0), new(1, 0), new(10, 0)];

        Assert.Equal(((9.0 / 10) + (8.0 / 9)) / 3, Silhouette.Of(points, [0, 0, 1]), 12);
    }

    [Fact]
    public void A_clustering_that_cuts_across_the_structure_scores_lower()
    {
        Point2[] points = [new(0, 0), new(1, 0), new(5, 0), new(6, 0)];

        Assert.True(Silhouette.Of(points, [0, 1, 0, 1]) < Silhouette.Of(points, [0, 0, 1, 1]));
    }
}
