using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Tests.OpinionMap;

/// <summary>Small vote matrices written as rows: participant i is "p{i}", column j is statement "s{j}", null is no vote.</summary>
internal static class Votes
{
    public static VoteMatrix Rows(params int?[][] rows) => Rows(moderatedOut: [], rows);

    public static VoteMatrix Rows(string[] moderatedOut, params int?[][] rows)
    {
        var statements = rows.Max(r => r.Length);
        var votes = rows.SelectMany((row, p) => row.Select((v, s) => (v, s)).Where(x => x.v is not null).Select(x => new Vote($"p{p}", $"s{x.s}", x.v!.Value)));
        return new VoteMatrix(
            Enumerable.Range(0, rows.Length).Select(p => $"p{p}").ToList(),
            Enumerable.Range(0, statements).Select(s => $"s{s}").ToList(),
            votes.ToList(),
            moderatedOut);
    }
}
