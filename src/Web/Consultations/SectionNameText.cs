using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Drafts.Naming;

namespace Nq45Consult.Web.Consultations;

/// <summary>Sections named in the reader's language: the domain's <see cref="SectionNames"/> with the words from the shared resources.</summary>
public static class SectionNameText
{
    public static SectionNameWords Words(IStringLocalizer texts) =>
        new(texts["SectionNameSection"], texts["SectionNameClause"], texts["SectionNameLetter"], texts["SectionNamePoint"]);

    /// <summary>Each section of a version with its name, in document order.</summary>
    public static IReadOnlyList<(string Anchor, string Label)> Of(IStringLocalizer texts, IReadOnlyList<SectionSnapshot> sections)
    {
        var names = SectionNames.Of(sections.Select(s => s.ToDraftSection()));
        var words = Words(texts);
        return [.. sections.Select(s => (s.Anchor, SectionNames.Label(names, s.Anchor, words)))];
    }
}
