using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>Compares two versions of a draft section by section.</summary>
public static class DraftDiff
{
    /// <summary>
    /// One entry per section, in the order of <paramref name="to"/>; a removed section follows
    /// the section that preceded it in <paramref name="from"/>, where a reader would look for it.
    /// </summary>
    public static IReadOnlyList<SectionDiff> Compare(IReadOnlyList<DraftSection> from, IReadOnlyList<DraftSection> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var (toMatch, fromMatch) = SectionMatcher.Match(from, to);
        var removedAfter = RemovedByPosition(from, fromMatch);
        var diffs = new List<SectionDiff>(Math.Max(from.Count, to.Count));
        AddRemoved(diffs, removedAfter, -1);
        for (var t = 0; t < to.Count; t++)
        {
            diffs.Add(toMatch[t] < 0 ? Added(to[t]) : Paired(from[toMatch[t]], to[t]));
            AddRemoved(diffs, removedAfter, t);
        }

        return diffs;
    }

    /// <summary>Removed sections keyed by the "to" index of their nearest preceding kept section (-1: none).</summary>
    private static Dictionary<int, List<DraftSection>> RemovedByPosition(IReadOnlyList<DraftSection> from, int[] fromMatch)
    {
        var removedAfter = new Dictionary<int, List<DraftSection>>();
        var lastKept = -1;
        for (var f = 0; f < from.Count; f++)
        {
            if (fromMatch[f] >= 0)
            {
                lastKept = fromMatch[f];
                continue;
            }

            if (!removedAfter.TryGetValue(lastKept, out var removed))
            {
                removedAfter[lastKept] = removed = [];
            }

            removed.Add(from[f]);
        }

        return removedAfter;
    }

    private static void AddRemoved(List<SectionDiff> diffs, Dictionary<int, List<DraftSection>> removedAfter, int position)
    {
        if (removedAfter.TryGetValue(position, out var removed))
        {
            diffs.AddRange(removed.Select(s => new SectionDiff(SectionChange.Removed, s.Anchor, null, s.Number, s.Heading, [])));
        }
    }

    private static SectionDiff Added(DraftSection section) =>
        new(SectionChange.Added, null, section.Anchor, section.Number, section.Heading, []);

    private static SectionDiff Paired(DraftSection from, DraftSection to)
    {
        var (fromText, toText) = (ComparableText.Of(from), ComparableText.Of(to));
        return fromText == toText
            ? new SectionDiff(SectionChange.Unchanged, from.Anchor, to.Anchor, to.Number, to.Heading, [])
            : new SectionDiff(SectionChange.Changed, from.Anchor, to.Anchor, to.Number, to.Heading, WordDiff.Between(fromText, toText));
    }
}
