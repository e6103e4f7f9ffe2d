using System.Collections.Immutable;

namespace Nq45Consult.Consultation.Dialogue;

/// <summary>A poll of a session: each voter's current selection; results are counted from them.</summary>
public sealed record Poll(
    Guid Id,
    string Question,
    IReadOnlyList<string> Options,
    bool MultipleChoice,
    bool IsOpen,
    long OpenedSeq,
    ImmutableDictionary<string, ImmutableArray<int>> Ballots)
{
    public static Poll From(PollOpened e, long seq) => new(
        e.PollId, e.Question, e.Options, e.MultipleChoice, true, seq,
        ImmutableDictionary.Create<string, ImmutableArray<int>>(StringComparer.OrdinalIgnoreCase));

    public Poll WithBallot(string voter, IReadOnlyList<int> selection) =>
        this with { Ballots = selection.Count == 0 ? Ballots.Remove(voter) : Ballots.SetItem(voter, [.. selection]) };

    public IReadOnlyList<int> SelectionOf(string voter) =>
        Ballots.TryGetValue(voter, out var selection) ? selection : [];

    /// <summary>Votes per option, in the options' order.</summary>
    public IReadOnlyList<int> Counts()
    {
        var counts = new int[Options.Count];
        foreach (var selection in Ballots.Values)
            foreach (var option in selection) counts[option]++;
        return counts;
    }

    public int Voters => Ballots.Count;
}
