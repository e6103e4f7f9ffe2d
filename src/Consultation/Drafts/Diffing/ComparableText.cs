using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Diffing;

internal static class ComparableText
{
    /// <summary>
    /// What a reader sees of a section, without its number: renumbering alone is not a change
    /// of content, and the anchors already tell the reader the section moved.
    /// </summary>
    public static string Of(DraftSection section) => (section.Heading, section.Text) switch
    {
        ("", var text) => text,
        (var heading, "") => heading,
        var (heading, text) => heading + "\n" + text,
    };
}
