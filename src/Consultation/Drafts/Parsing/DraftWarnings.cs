using System.Globalization;

namespace Nq45Consult.Consultation.Drafts.Parsing;

/// <summary>What a moderator should look at before publishing: stray text before the articles, numbering gaps and repeats, empty articles.</summary>
internal static class DraftWarnings
{
    private const int MaxDetailLength = 80;

    /// <summary>Vietnamese point letters in order: đ follows d; f, j, w and z are not used.</summary>
    private const string PointLetters = "abcdđeghiklmnopqrstuvxy";

    public static IReadOnlyList<DraftWarning> Of(IReadOnlyList<PendingSection> sections)
    {
        var warnings = new List<DraftWarning>();
        var structured = sections.Any(s => s.Kind is SectionKind.Article or SectionKind.Chapter);
        if (structured)
        {
            foreach (var stray in sections.TakeWhile(s => s.Kind is not (SectionKind.Part or SectionKind.Chapter or SectionKind.LegalSection or SectionKind.Article))
                         .Where(s => s.Kind is SectionKind.Paragraph))
            {
                warnings.Add(new DraftWarning(DraftWarningKind.TextBeforeFirstArticle, stray.Anchor, Excerpt(MarkdownText.Of(stray.Body))));
            }
        }

        var children = sections.Where(s => s.Parent is not null).Select(s => s.Parent!).ToHashSet();
        foreach (var article in sections.Where(s => s.Kind is SectionKind.Article && s.Body.Count == 0 && !children.Contains(s)))
        {
            warnings.Add(new DraftWarning(DraftWarningKind.EmptyArticle, article.Anchor, article.Number));
        }

        // Articles and chapters are numbered across the document; clauses and points within their parent.
        CheckSequence(sections.Where(s => s.Kind is SectionKind.Article), warnings, fromStart: false);
        CheckSequence(sections.Where(s => s.Kind is SectionKind.Chapter), warnings, fromStart: false);
        foreach (var group in sections.Where(s => s.Kind is SectionKind.Item or SectionKind.Point).GroupBy(s => (s.Parent, s.Kind)))
        {
            CheckSequence(group, warnings, fromStart: true);
        }

        return warnings;
    }

    private static void CheckSequence(IEnumerable<PendingSection> siblings, List<DraftWarning> warnings, bool fromStart)
    {
        PendingSection? previous = null;
        var previousValue = fromStart ? 0 : -1;
        foreach (var section in siblings)
        {
            var value = ValueOf(section);
            if (value <= 0)
            {
                continue;
            }

            var from = previous?.Number ?? "";
            if (previousValue >= 0 && value <= previousValue)
            {
                warnings.Add(new DraftWarning(DraftWarningKind.NumberingRepeat, section.Anchor, Sequence(from, section.Number)));
            }
            else if (previousValue >= 0 && value > previousValue + 1)
            {
                warnings.Add(new DraftWarning(DraftWarningKind.NumberingGap, section.Anchor, Sequence(from, section.Number)));
            }

            previous = section;
            previousValue = value;
        }
    }

    private static string Sequence(string from, string to) => from.Length == 0 ? to : from + " → " + to;

    /// <summary>The position the numbering claims, 0 when it cannot be compared (1.2, 8a, a roman part of a plan).</summary>
    private static int ValueOf(PendingSection section)
    {
        var number = section.Number[(section.Number.LastIndexOf(' ') + 1)..];
        return section.Kind switch
        {
            SectionKind.Point => PointLetters.IndexOf(number, StringComparison.Ordinal) + 1,
            SectionKind.Chapter when !number.All(char.IsAsciiDigit) => RomanNumerals.ToInt(number.ToUpperInvariant()),
            _ => int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
        };
    }

    private static string Excerpt(string text) =>
        text.Length <= MaxDetailLength ? text : text[..MaxDetailLength].TrimEnd() + "…";
}
