using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Nq45Consult.Consultation.Search;

/// <summary>A run of text as written, and whether it is a word the query matched.</summary>
public sealed record TextRun(string Text, bool Match);

/// <summary>Text cut to the part around the first match, its matching words marked.</summary>
public sealed record HighlightedText(IReadOnlyList<TextRun> Runs)
{
    /// <summary>Encodes markup characters only, so Vietnamese text stays readable in the HTML.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encoded, each matching word in <c>&lt;mark&gt;</c>.</summary>
    public string Html => string.Concat(Runs.Select(r => r.Match ? $"<mark>{Encoder.Encode(r.Text)}</mark>" : Encoder.Encode(r.Text)));

    public string Text => string.Concat(Runs.Select(r => r.Text));

    public bool HasMatch => Runs.Any(r => r.Match);
}

/// <summary>
/// Marks the words of a text that a query matched, compared folded (<see cref="TextFold"/>), so "quy hoach" marks
/// "quy hoạch" as PostgreSQL matched it; words are runs of letters and digits, as the text-search parser splits them.
/// </summary>
public static class Highlighting
{
    /// <summary>Words shown before the first match, and the most shown in all.</summary>
    public const int WordsBefore = 12, MostWords = 50;

    /// <summary>
    /// The query's words, folded, as <c>websearch_to_tsquery</c> reads them: not the operator <c>or</c>, nor a word
    /// excluded with a leading <c>-</c>.
    /// </summary>
    public static IReadOnlySet<string> Terms(string query)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length) in Words(query))
        {
            var word = TextFold.Fold(query.Substring(start, length));
            var excluded = start > 0 && query[start - 1] == '-' && (start == 1 || char.IsWhiteSpace(query[start - 2]) || query[start - 2] == '"');
            if (word != "or" && !excluded) terms.Add(word);
        }
        return terms;
    }

    /// <summary>The whole text, its matching words marked.</summary>
    public static HighlightedText Mark(string text, IReadOnlySet<string> terms) => Cut(text, terms, int.MaxValue);

    /// <summary>
    /// The words around the first match (from <see cref="WordsBefore"/> before it, at most <see cref="MostWords"/>),
    /// with "…" where the text was cut, matching words marked; the start of the text when nothing matches.
    /// </summary>
    public static HighlightedText Snippet(string text, IReadOnlySet<string> terms) => Cut(text, terms, MostWords);

    private static HighlightedText Cut(string text, IReadOnlySet<string> terms, int mostWords)
    {
        var words = Words(text).ToList();
        var matches = words.Select(w => terms.Contains(TextFold.Fold(text.Substring(w.Start, w.Length)))).ToList();
        var first = matches.IndexOf(true);
        var from = mostWords == int.MaxValue || words.Count <= mostWords ? 0 : Math.Clamp(Math.Max(first, 0) - WordsBefore, 0, words.Count - mostWords);
        var to = Math.Min(words.Count, mostWords == int.MaxValue ? words.Count : from + mostWords);
        var start = from == 0 ? 0 : words[from].Start;
        var end = to == words.Count ? text.Length : words[to - 1].Start + words[to - 1].Length;
        var runs = new List<TextRun>();
        var plain = new StringBuilder(from == 0 ? "" : "…");
        var position = start;
        for (var i = from; i < to; i++)
        {
            plain.Append(text, position, words[i].Start - position);
            if (matches[i])
            {
                if (plain.Length > 0) runs.Add(new(plain.ToString(), false));
                plain.Clear();
                runs.Add(new(text.Substring(words[i].Start, words[i].Length), true));
            }
            else
            {
                plain.Append(text, words[i].Start, words[i].Length);
            }
            position = words[i].Start + words[i].Length;
        }
        plain.Append(text, position, end - position);
        if (end < text.Length) plain.Append('…');
        if (plain.Length > 0) runs.Add(new(plain.ToString(), false));
        return new(runs);
    }

    /// <summary>Runs of letters, digits and combining marks.</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text, i) || CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
