using Marten;

namespace Nq45Consult.Consultation.OpinionMap.Reporting;

/// <summary>The map with every group's counts on every statement, for the officials' exports.</summary>
public sealed record OpinionMapExport(OpinionMapReading Map, IReadOnlyDictionary<(int Group, string StatementId), GroupVotes> Votes)
{
    /// <summary>Counts the current votes of each group's members; the members themselves stay inside.</summary>
    public static async Task<OpinionMapExport> Of(IQuerySession session, OpinionMapReading map, CancellationToken cancellation)
    {
        var groupOf = map.Snapshot.Result.Groups.SelectMany(g => g.ParticipantKeys.Select(k => (Key: k, g.Id))).ToDictionary(x => x.Key, x => x.Id);
        var votes = await session.Query<StatementVote>().Where(v => v.ConsultationId == map.Snapshot.Id).ToListAsync(cancellation);
        var counts = votes
            .Where(v => groupOf.ContainsKey(OpinionMapReading.KeyOf(v.Voter)))
            .GroupBy(v => (Group: groupOf[OpinionMapReading.KeyOf(v.Voter)], StatementId: v.StatementId.ToString()))
            .ToDictionary(g => g.Key, g => new GroupVotes(g.Count(v => v.Vote == VoteChoice.Agree), g.Count(v => v.Vote == VoteChoice.Disagree), g.Count()));
        return new OpinionMapExport(map, counts);
    }
}
