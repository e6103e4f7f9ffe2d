using DiffPlex;
using DiffPlex.Chunkers;

namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>Word-level difference of two texts, computed by DiffPlex.</summary>
internal static class WordDiff
{
    public static IReadOnlyList<WordChange> Between(string from, string to)
    {
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var changes = new List<WordChange>();
        var kept = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(changes, WordChangeKind.Unchanged, result.PiecesOld, kept, block.DeleteStartA - kept);
            Append(changes, WordChangeKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Append(changes, WordChangeKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            kept = block.DeleteStartA + block.DeleteCountA;
        }

        Append(changes, WordChangeKind.Unchanged, result.PiecesOld, kept, result.PiecesOld.Count - kept);
        return changes;
    }

    /// <summary>Adds the pieces as one run, merged into the previous run of the same kind.</summary>
    private static void Append(List<WordChange> changes, WordChangeKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (changes.Count > 0 && changes[^1].Kind == kind)
        {
            changes[^1] = changes[^1] with { Text = changes[^1].Text + text };
        }
        else
        {
            changes.Add(new WordChange(kind, text));
        }
    }
}
