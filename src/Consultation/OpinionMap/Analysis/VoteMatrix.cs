namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>One participant's vote on one statement: 1 agree, -1 disagree, 0 pass.</summary>
public sealed record Vote(string ParticipantKey, string StatementId, int Value);

/// <summary>
/// The participant × statement vote matrix, stored by participant row with only the votes cast: a
/// consultation's matrix is mostly empty (each participant sees a few statements of many), and every
/// computation below walks the votes, never the empty cells.
/// </summary>
public sealed class VoteMatrix
{
    private readonly int[][] statementsOf;
    private readonly sbyte[][] valuesOf;
    private readonly bool[] moderatedOut;

    /// <param name="votes">A participant voting twice on a statement keeps the later vote (they changed their mind).</param>
    /// <param name="moderatedOut">
    /// Statements a moderator removed. As in Pol.is they keep their place with everyone's vote on them read as a
    /// pass: no part in the map's axes or in what represents a group, but still a statement each participant
    /// "saw", which keeps the map's spread comparable with Pol.is's. Votes cast on them still count towards
    /// the votes a participant needs to be grouped.
    /// </param>
    public VoteMatrix(IReadOnlyList<string> participantKeys, IReadOnlyList<string> statementIds, IEnumerable<Vote> votes, IEnumerable<string>? moderatedOut = null)
    {
        ParticipantKeys = participantKeys;
        StatementIds = statementIds;
        var participantIndex = Index(participantKeys, "participant key", nameof(participantKeys));
        var statementIndex = Index(statementIds, "statement id", nameof(statementIds));
        this.moderatedOut = new bool[statementIds.Count];
        foreach (var id in moderatedOut ?? [])
        {
            if (!statementIndex.TryGetValue(id, out var s)) throw new ArgumentException($"Unknown statement {id}.", nameof(moderatedOut));
            this.moderatedOut[s] = true;
        }

        ModeratedOutCount = this.moderatedOut.Count(m => m);
        var rows = new SortedDictionary<int, sbyte>[participantKeys.Count];
        foreach (var vote in votes)
        {
            if (vote.Value is < -1 or > 1) throw new ArgumentException($"Vote {vote.Value} is not 1, -1 or 0.", nameof(votes));
            if (!participantIndex.TryGetValue(vote.ParticipantKey, out var p)) throw new ArgumentException($"Unknown participant {vote.ParticipantKey}.", nameof(votes));
            if (!statementIndex.TryGetValue(vote.StatementId, out var s)) throw new ArgumentException($"Unknown statement {vote.StatementId}.", nameof(votes));
            (rows[p] ??= [])[s] = (sbyte)vote.Value;
        }

        statementsOf = rows.Select(r => r?.Keys.ToArray() ?? []).ToArray();
        valuesOf = rows.Select(r => r?.Values.ToArray() ?? []).ToArray();
        VoteCount = statementsOf.Sum(r => r.Length);
    }

    public IReadOnlyList<string> ParticipantKeys { get; }

    public IReadOnlyList<string> StatementIds { get; }

    public int VoteCount { get; }

    public int ModeratedOutCount { get; }

    public bool IsModeratedOut(int statement) => moderatedOut[statement];

    /// <summary>Statement indexes participant <paramref name="participant"/> voted on, ascending.</summary>
    public ReadOnlySpan<int> StatementsOf(int participant) => statementsOf[participant];

    /// <summary>The votes matching <see cref="StatementsOf"/>, position by position.</summary>
    public ReadOnlySpan<sbyte> ValuesOf(int participant) => valuesOf[participant];

    private static Dictionary<string, int> Index(IReadOnlyList<string> keys, string what, string parameter)
    {
        var index = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!index.TryAdd(keys[i], i)) throw new ArgumentException($"Duplicate {what} {keys[i]}.", parameter);
        }

        return index;
    }
}
