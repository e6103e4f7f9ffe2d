using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

public class KMeansTests
{
    private static readonly Point2[] TwoPairs = [new(0, 0), new(0, 1), new(10, 0), new(10, 1)];

    [Fact]
    public void Two_pairs_far_apart_are_two_clusters_centred_between_their_points()
    {
        var clustering = KMeans.Cluster(TwoPairs, Ones(4), k: 2);

        Assert.Equal(clustering.Labels[0], clustering.Labels[1]);
        Assert.Equal(clustering.Labels[2], clustering.Labels[3]);
        Assert.NotEqual(clustering.Labels[0], clustering.Labels[2]);
        Assert.Equal(new Point2(0, 0.5), clustering.Centers[clustering.Labels[0]]);
        Assert.Equal(new Point2(10, 0.5), clustering.Centers[clustering.Labels[2]]);
        // Four points, each 0.5 from its centre: 4 × 0.25.
        Assert.Equal(1.0, KMeans.Cost(TwoPairs, Ones(4), clustering), 12);
    }

    [Fact]
    public void A_centre_is_the_weighted_mean_of_its_points()
    {
        var clustering = KMeans.Cluster([new(0, 0), new(4, 0)], [3, 1], k: 1);

        Assert.Equal(new Point2(1, 0), Assert.Single(clustering.Centers));
    }

    [Fact]
    public void Fewer_distinct_points_than_k_give_as_many_clusters_as_distinct_points()
    {
        var clustering = KMeans.Cluster([new(1, 1), new(1, 1), new(2, 2)], Ones(3), k: 3);

        Assert.Equal(2, clustering.Centers.Count);
        Assert.Equal(clustering.Labels[0], clustering.Labels[1]);
    }

    [Fact]
    public void The_same_points_always_give_the_same_clusters()
    {
        var points = Enumerable.Range(0, 60).Select(i => new Point2(Math.Sin(i * 1.7) * 5, Math.Cos(i * 0.3) * 5)).ToList();

        var first = KMeans.Cluster(points, Ones(60), k: 4);
        var second = KMeans.Cluster(points, Ones(60), k: 4);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centers, second.Centers);
    }

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();
}
