namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// The opinion map, after Pol.is (The Computational Democracy Project, compdemocracy.org; method described in
/// docs/opinion-map.md): mean imputation, two principal components with a sparsity-aware projection, many
/// small base clusters grouped by weighted k-means with k chosen by silhouette, then per-group
/// representative statements, consensus and divisive statements. Pure and deterministic.
/// </summary>
public static class OpinionMapAnalysis
{
    /// <summary>Pol.is: a participant joins the clustering after 7 votes, or after voting on every statement when there are fewer.</summary>
    public const int MinVotes = 7;

    /// <summary>Pol.is: in a tiny conversation the most active voters are taken until there are this many.</summary>
    public const int MinClustered = 15;

    /// <summary>Pol.is's base clusters: the map's points are first gathered into up to this many small clusters.</summary>
    public const int BaseClusters = 100;

    public const int MaxGroups = 5;

    public static OpinionMapResult Analyse(VoteMatrix votes)
    {
        var voters = Enumerable.Range(0, votes.ParticipantKeys.Count).Where(p => votes.StatementsOf(p).Length > 0).ToList();
        if (voters.Count == 0) return new OpinionMapResult(0, [], [], [], []);
        var components = PrincipalComponents.Of(votes);
        var points = voters.ToDictionary(p => p, p => components.Project(votes, p));
        var clustered = Clustered(votes, voters);
        var groupOf = Groups(clustered.Select(p => points[p]).ToList())
            .Select((group, i) => (Participant: clustered[i], Group: group))
            .ToDictionary(x => x.Participant, x => x.Group);

        var members = groupOf.GroupBy(x => x.Value).OrderBy(g => g.Key).Select(g => g.Select(x => x.Key).Order().ToList()).ToList();
        var counts = members.Select(m => Counts(votes, m)).ToList();
        var representative = Representativeness.Select(counts);
        var groups = members.Select((m, id) => new OpinionGroup(
            id,
            m.Count,
            m.Select(p => votes.ParticipantKeys[p]).ToList(),
            representative[id].Select(r => new RepresentativeStatement(votes.StatementIds[r.Statement], r.In.Agree, r.In.Disagree, r.In.Seen, r.For)).ToList())).ToList();

        return new OpinionMapResult(
            voters.Count,
            groups,
            AcrossGroups.Consensus(counts).Select(s => votes.StatementIds[s]).ToList(),
            AcrossGroups.Divisive(counts).Select(s => votes.StatementIds[s]).ToList(),
            voters.Select(p => new ParticipantPoint(votes.ParticipantKeys[p], points[p].X, points[p].Y, groupOf.TryGetValue(p, out var g) ? g : null)).ToList());
    }

    /// <summary>Participants with enough votes to be clustered, in participant order.</summary>
    public static IReadOnlyList<int> Clustered(VoteMatrix votes, IReadOnlyList<int> voters)
    {
        var needed = Math.Min(MinVotes, votes.StatementIds.Count);
        var enough = voters.Where(p => votes.StatementsOf(p).Length >= needed).ToHashSet();
        enough.UnionWith(voters
            .Where(p => !enough.Contains(p))
            .OrderByDescending(p => votes.StatementsOf(p).Length)
            .ThenBy(p => p)
            .Take(Math.Max(0, MinClustered - enough.Count)));
        return enough.Order().ToList();
    }

    /// <summary>
    /// Group label per point, groups numbered largest first. Pol.is's two levels: the points are gathered into
    /// up to 100 base clusters, which smooths out single participants; the base clusters' centres, weighted by
    /// their sizes, are grouped for every k from 2 to 5 and the k with the best silhouette wins (the smaller k
    /// on a tie). No groups when fewer than two distinct points.
    /// </summary>
    public static IReadOnlyList<int> Groups(IReadOnlyList<Point2> points)
    {
        var baseClusters = KMeans.Cluster(points, points.Select(_ => 1.0).ToList(), BaseClusters, starts: 1);
        var centers = baseClusters.Centers;
        if (centers.Count < 2) return [];
        var sizes = new double[centers.Count];
        foreach (var label in baseClusters.Labels) sizes[label]++;

        // Pol.is lets a conversation with few base clusters have few groups: k ≤ 2 + clusters / 12.
        var maxK = Math.Min(MaxGroups, Math.Min(centers.Count, 2 + (centers.Count / 12)));
        Clustering? best = null;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = 2; k <= maxK; k++)
        {
            var grouping = KMeans.Cluster(centers, sizes, k);
            var silhouette = Silhouette.Of(centers, grouping.Labels);
            if (silhouette > bestSilhouette)
            {
                best = grouping;
                bestSilhouette = silhouette;
            }
        }

        var groupSizes = new double[best!.Centers.Count];
        for (var b = 0; b < centers.Count; b++) groupSizes[best.Labels[b]] += sizes[b];
        var largestFirst = Enumerable.Range(0, groupSizes.Length).OrderByDescending(g => groupSizes[g]).ThenBy(g => g).ToArray();
        var rank = new int[largestFirst.Length];
        for (var r = 0; r < largestFirst.Length; r++) rank[largestFirst[r]] = r;
        return baseClusters.Labels.Select(b => rank[best.Labels[b]]).ToList();
    }

    private static VoteCounts[] Counts(VoteMatrix votes, IEnumerable<int> participants)
    {
        var agree = new int[votes.StatementIds.Count];
        var disagree = new int[votes.StatementIds.Count];
        var seen = new int[votes.StatementIds.Count];
        foreach (var p in participants)
        {
            var statements = votes.StatementsOf(p);
            var values = votes.ValuesOf(p);
            for (var i = 0; i < statements.Length; i++)
            {
                // A moderated-out statement stays unseen, so it represents no group and is neither consensus nor divisive.
                if (votes.IsModeratedOut(statements[i])) continue;
                seen[statements[i]]++;
                if (values[i] > 0) agree[statements[i]]++;
                else if (values[i] < 0) disagree[statements[i]]++;
            }
        }

        return Enumerable.Range(0, seen.Length).Select(s => new VoteCounts(agree[s], disagree[s], seen[s])).ToArray();
    }
}
