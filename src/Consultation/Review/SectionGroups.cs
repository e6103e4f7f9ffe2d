using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Naming;

namespace Nq45Consult.Consultation.Review;

/// <summary>
/// How the report and the dashboard group items: general remarks first, then the current version's sections in
/// document order, then anchors only an earlier version had (its items are kept, not dropped).
/// </summary>
public static class SectionGroups
{
    public const string General = "Góp ý chung về dự thảo";

    /// <summary>
    /// The groups in order; with <paramref name="everySection"/> also the sections nobody commented on. Each section's
    /// label is its name in people's words (<see cref="SectionNames"/>, in Vietnamese: the report's language), and
    /// <c>Name</c> its structure, for pages that name it in the reader's language.
    /// </summary>
    public static IEnumerable<(string? Anchor, string Label, int Level, SectionName? Name)> InOrder(
        IReadOnlyList<SectionSnapshot> sections, IReadOnlySet<string?> used, bool everySection)
    {
        if (everySection || used.Contains(null)) yield return (null, General, 0, null);
        var names = SectionNames.Of(sections.Select(s => s.ToDraftSection()));
        foreach (var s in sections.Where(s => everySection || used.Contains(s.Anchor)))
            yield return (s.Anchor, SectionNames.Label(names, s.Anchor, SectionNameWords.Vietnamese), s.Level, names[s.Anchor]);
        var known = sections.Select(s => s.Anchor).ToHashSet();
        foreach (var anchor in used.OfType<string>().Where(a => !known.Contains(a)).Order())
            yield return (anchor, $"{anchor} (mục của phiên bản trước)", 0, null);
    }
}
