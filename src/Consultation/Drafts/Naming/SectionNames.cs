using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Naming;

/// <summary>
/// A section named the way people cite it: where it sits in the numbering and its first words, so a bullet reads
/// "Mục II.1, ý 2: Thu hút trí thức…" rather than its anchor <c>II-1-b2</c>. The structure is the domain's; the
/// words around it (<see cref="SectionNameWords"/>) belong to the language it is shown in.
/// </summary>
/// <param name="Head">The nearest number that names its own kind ("Điều 5", "Chương II"), null in a plan.</param>
/// <param name="Numbers">Plain numbers below <paramref name="Head"/> (or from the top), outermost first: II, 1.</param>
/// <param name="Points">Positions of unnumbered, untitled sections (bullets, paragraphs) within their parent, outermost first.</param>
/// <param name="Words">The section's heading, or the first words of its text, cut with "…".</param>
public sealed record SectionName(string? Head, IReadOnlyList<string> Numbers, IReadOnlyList<int> Points, string Words)
{
    public string Format(SectionNameWords words)
    {
        var parts = new List<string>();
        if (Head is not null)
        {
            parts.Add(Head);
            // Under an article, digits are clauses and letters points, as a citation reads ("Điều 5, khoản 2, điểm b").
            parts.AddRange(Numbers.Select(n => string.Format(System.Globalization.CultureInfo.InvariantCulture,
                char.IsDigit(n[0]) ? words.Clause : words.Letter, n)));
        }
        else if (Numbers.Count > 0)
        {
            parts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Section, string.Join(".", Numbers)));
        }
        if (Points.Count > 0) parts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Point, string.Join(".", Points)));
        var place = string.Join(", ", parts);
        if (place.Length > 0) place = char.ToUpperInvariant(place[0]) + place[1..];
        return (place.Length, Words.Length) switch
        {
            (0, _) => Words,
            (_, 0) => place,
            _ => $"{place}: {Words}",
        };
    }
}

/// <summary>The words around a <see cref="SectionName"/>, each a format with one placeholder for the number.</summary>
public sealed record SectionNameWords(string Section, string Clause, string Letter, string Point)
{
    /// <summary>The report and the notifications are written in Vietnamese whatever the reader's language.</summary>
    public static readonly SectionNameWords Vietnamese = new("Mục {0}", "khoản {0}", "điểm {0}", "ý {0}");
}

public static class SectionNames
{
    /// <summary>How many words of a section's heading or text its name keeps.</summary>
    public const int MaxWords = 8;

    /// <summary>Every section's name by anchor; <paramref name="sections"/> in any order, parents found by anchor.</summary>
    public static IReadOnlyDictionary<string, SectionName> Of(IEnumerable<DraftSection> sections)
    {
        var names = new Dictionary<string, SectionName>(StringComparer.Ordinal);
        var untitledChildren = new Dictionary<string, int>(StringComparer.Ordinal);
        var root = new SectionName(null, [], [], "");
        foreach (var s in sections.OrderBy(s => s.Order))
        {
            var parent = s.ParentAnchor is { } p && names.TryGetValue(p, out var found) ? found : root;
            var words = FirstWords(s.Heading.Length > 0 ? s.Heading : s.Text);
            names[s.Anchor] = (s.Number, s.Heading) switch
            {
                ({ Length: > 0 } number, _) when number.Contains(' ', StringComparison.Ordinal) => new SectionName(number, [], [], words),
                ({ Length: > 0 } number, _) => new SectionName(parent.Head, [.. parent.Numbers, number], [], words),
                (_, { Length: > 0 }) => parent with { Words = words },
                _ => parent with { Points = [.. parent.Points, Next(untitledChildren, s.ParentAnchor ?? "")], Words = words },
            };
        }
        return names;
    }

    /// <summary>The name of <paramref name="anchor"/> in <paramref name="words"/>' language, or the anchor when the draft has no such section.</summary>
    public static string Label(IReadOnlyDictionary<string, SectionName> names, string anchor, SectionNameWords words) =>
        names.TryGetValue(anchor, out var name) && name.Format(words) is { Length: > 0 } label ? label : anchor;

    private static int Next(Dictionary<string, int> counters, string parent) => counters[parent] = counters.GetValueOrDefault(parent) + 1;

    private static string FirstWords(string text)
    {
        var words = text.Split((char[]?)null, MaxWords + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The name goes on with ": " or stands in a list: a clause's closing ";" or ":" would read as stray punctuation.
        if (words.Length <= MaxWords) return string.Join(" ", words).TrimEnd(',', ';', ':');
        return string.Join(" ", words[..MaxWords]).TrimEnd(',', ';', ':', '.') + "…";
    }
}
