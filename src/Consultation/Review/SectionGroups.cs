using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Review;

/// <summary>
/// How the report and the dashboard group items: general remarks first, then the current version's sections in
/// document order, then anchors only an earlier version had (its items are kept, not dropped).
/// </summary>
public static class SectionGroups
{
    public const string General = "Góp ý chung về dự thảo";

    public static string Label(SectionSnapshot s) =>
        string.Join(" ", new[] { s.Number, s.Heading }.Where(t => t.Length > 0)) is { Length: > 0 } label ? label : s.Anchor;

    /// <summary>The groups in order; with <paramref name="everySection"/> also the sections nobody commented on.</summary>
    public static IEnumerable<(string? Anchor, string Label, int Level)> InOrder(
        IReadOnlyList<SectionSnapshot> sections, IReadOnlySet<string?> used, bool everySection)
    {
        if (everySection || used.Contains(null)) yield return (null, General, 0);
        foreach (var s in sections.Where(s => everySection || used.Contains(s.Anchor))) yield return (s.Anchor, Label(s), s.Level);
        var known = sections.Select(s => s.Anchor).ToHashSet();
        foreach (var anchor in used.OfType<string>().Where(a => !known.Contains(a)).Order())
            yield return (anchor, $"{anchor} (mục của phiên bản trước)", 0);
    }
}
