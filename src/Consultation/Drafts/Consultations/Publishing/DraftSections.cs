using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Consultations.Publishing;

/// <summary>Markdown → section snapshots through the draft parser, its refusals turned into decisions.</summary>
public static class DraftSections
{
    public static (IReadOnlyList<SectionSnapshot> Sections, Decision? Refusal) Parse(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return ([], Decision.Invalid("markdown", "Nội dung dự thảo (Markdown) là bắt buộc."));
        try
        {
            var parsed = DraftParser.Parse(markdown);
            if (parsed.Sections.Count == 0)
                return ([], Decision.Invalid("markdown", "Dự thảo không có nội dung."));
            return (parsed.Sections.Select(Snapshot).ToList(), null);
        }
        catch (DraftTooLargeException e)
        {
            return ([], e.Limit == DraftLimit.MarkdownBytes ? Decision.Oversized(e.Field, e.Message) : Decision.Invalid(e.Field, e.Message));
        }
        catch (DraftInvalidException e)
        {
            return ([], Decision.Invalid(e.Field, e.Message));
        }
    }

    public static SectionSnapshot Snapshot(DraftSection s) =>
        new(s.Anchor, s.Number, s.Heading, s.Text, s.Html, s.ParentAnchor, s.Order, s.Level);
}
