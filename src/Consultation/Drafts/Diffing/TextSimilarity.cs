using System.Text.RegularExpressions;

namespace Nq45Consult.Consultation.Drafts.Diffing;

/// <summary>Jaccard similarity of the sets of words of two texts, case-insensitive.</summary>
internal sealed partial class TextSimilarity(string text)
{
    private readonly HashSet<string> _words = Word().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public double To(TextSimilarity other)
    {
        if (_words.Count == 0 || other._words.Count == 0)
        {
            return 0;
        }

        var shared = _words.Count(other._words.Contains);
        return (double)shared / (_words.Count + other._words.Count - shared);
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
