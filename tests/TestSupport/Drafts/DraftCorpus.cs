namespace Nq45Consult.TestSupport.Drafts;

/// <summary>
/// The corpus of real Vietnamese documents under tests/Consultation.Tests/Drafts/Corpus (see its README):
/// each <c>name.txt</c> with <c>name.expected</c>, the structure publishing it must give.
/// </summary>
public sealed record DraftCorpus(string Name, string Text, IReadOnlyList<string> ExpectedFrame, IReadOnlyList<string> ExpectedSections, IReadOnlyList<string> ExpectedWarnings)
{
    public const string SectionPrefix = "section: ";
    public const string WarningPrefix = "warning: ";
    public static readonly string[] FramePrefixes = ["header: ", "preamble: ", "closing: "];

    /// <summary>The folder the test project copies the corpus to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static DraftCorpus Load(string name)
    {
        var expected = File.ReadAllLines(Path.Combine(Folder, name + ".expected")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return new DraftCorpus(
            name,
            File.ReadAllText(Path.Combine(Folder, name + ".txt")),
            expected.Where(l => FramePrefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))).ToList(),
            expected.Where(l => l.StartsWith(SectionPrefix, StringComparison.Ordinal)).ToList(),
            expected.Where(l => l.StartsWith(WarningPrefix, StringComparison.Ordinal)).ToList());
    }

    /// <summary>One line per section as the expected file writes it: anchor, parent, number, heading.</summary>
    public static string SectionLine(string anchor, string? parentAnchor, string number, string heading) =>
        $"{SectionPrefix}{anchor} | {parentAnchor} | {number} | {heading}";

    /// <summary>The paragraphs of a frame part's HTML, one line each, as the expected file writes them.</summary>
    public static IEnumerable<string> FrameLines(string prefix, string html) =>
        System.Text.RegularExpressions.Regex.Split(html, "<[^>]+>")
            .Select(t => System.Net.WebUtility.HtmlDecode(t) ?? "")
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Select(t => prefix + t);

    public override string ToString() => Name;
}
