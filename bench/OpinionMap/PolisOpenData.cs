using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Bench.OpinionMap;

/// <summary>The two Pol.is conversations copied beside the build output (see PolisOpenData/README.md for source and licence).</summary>
public static class PolisOpenData
{
    public static readonly IReadOnlyList<string> Conversations = ["15-per-hour-seattle", "vtaiwan.uberx"];

    public static string VotesFile(string conversation) => Path.Combine(AppContext.BaseDirectory, "PolisOpenData", conversation, "participants-votes.csv");

    public static PolisConversation Read(string conversation) => PolisVotesCsv.ReadFile(VotesFile(conversation));

    /// <summary>How our grouping compares with Pol.is's on one conversation.</summary>
    /// <param name="Compared">Participants both Pol.is and we placed in a group: the ARI is over these.</param>
    public sealed record Comparison(string Conversation, int PolisGroups, int OurGroups, int Compared, double Ari);

    public static Comparison Compare(string conversation)
    {
        var polis = Read(conversation);
        var ours = OpinionMapAnalysis.Analyse(polis.Votes).Groups
            .SelectMany(g => g.ParticipantKeys.Select(p => (Participant: p, Group: g.Id)))
            .ToDictionary(x => x.Participant, x => x.Group);
        var both = ours.Keys.Where(polis.PolisGroupOf.ContainsKey).Order(StringComparer.Ordinal).ToList();
        return new Comparison(
            conversation,
            polis.PolisGroupOf.Values.Distinct().Count(),
            ours.Values.Distinct().Count(),
            both.Count,
            AdjustedRandIndex.Of(both.Select(p => polis.PolisGroupOf[p]).ToList(), both.Select(p => ours[p]).ToList()));
    }
}
