using Nq45Consult.Consultation.Drafts.Importing;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Tests.Drafts;

/// <summary>The sample drafts of content/drafts, copied next to the test assembly.</summary>
internal static class DraftContent
{
    public static DraftFile File(string name) =>
        DraftFile.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "drafts", name)));

    public static IReadOnlyList<DraftSection> Sections(string name) => DraftParser.Parse(File(name).Markdown).Sections;

    public static DraftSection Section(this IReadOnlyList<DraftSection> sections, string anchor) =>
        sections.SingleOrDefault(s => s.Anchor == anchor)
        ?? throw new Xunit.Sdk.XunitException($"No section \"{anchor}\"; anchors: {string.Join(", ", sections.Select(s => s.Anchor))}");
}
