using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Bench.OpinionMap;

/// <summary>
/// A synthetic consultation with a known answer: participants belong to one of three planted groups; each
/// group has its own side on every statement; each participant votes on a few statements drawn at random and
/// sides with their group 85 % of the time (otherwise passes or takes the other side).
/// </summary>
public static class PlantedOpinions
{
    public const int Groups = 3;

    public sealed record Consultation(VoteMatrix Votes, IReadOnlyList<int> PlantedGroupOf);

    public static Consultation Build(int participants, int statements, int votesEach, int seed = 7)
    {
        var random = new Random(seed);
        var sides = Enumerable.Range(0, Groups).Select(_ => Enumerable.Range(0, statements).Select(_ => random.Next(2) == 0 ? 1 : -1).ToArray()).ToArray();
        var participantKeys = Enumerable.Range(0, participants).Select(p => $"p{p}").ToList();
        var statementIds = Enumerable.Range(0, statements).Select(s => $"s{s}").ToList();
        var groupOf = Enumerable.Range(0, participants).Select(p => p % Groups).ToList();
        var votes = new List<Vote>(participants * votesEach);
        for (var p = 0; p < participants; p++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < Math.Min(votesEach, statements)) chosen.Add(random.Next(statements));
            foreach (var s in chosen)
            {
                var side = sides[groupOf[p]][s];
                var roll = random.NextDouble();
                var value = roll < 0.85 ? side : roll < 0.95 ? 0 : -side;
                votes.Add(new Vote(participantKeys[p], statementIds[s], value));
            }
        }

        return new Consultation(new VoteMatrix(participantKeys, statementIds, votes), groupOf);
    }
}
