using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Consultations.Publishing;

/// <param name="Markdown">The draft as stored: the Markdown given, or the Markdown plain text and Word files were read into.</param>
public sealed record ParsedVersion(string Markdown, IReadOnlyList<SectionSnapshot> Sections, DraftFrame Frame, IReadOnlyList<DraftWarning> Warnings);

/// <summary>A draft → section snapshots, frame and warnings through the reader and the parser, their refusals turned into decisions.</summary>
public static class DraftSections
{
    /// <summary>Text pasted by a moderator: Markdown or plain text, whichever it reads as (none reads as empty Markdown, refused by <see cref="Parse"/>).</summary>
    public static DraftReading Pasted(string? text) => DraftReader.FromText(text ?? "", DraftReader.Detect(text ?? ""));

    public static (ParsedVersion? Draft, Decision? Refusal) Parse(string? text) => Parse(Pasted(text));

    public static (ParsedVersion? Draft, Decision? Refusal) Parse(DraftReading reading)
    {
        if (string.IsNullOrWhiteSpace(reading.Markdown))
            return (null, Decision.Invalid("markdown", DomainText.DraftMarkdownRequired));
        try
        {
            var parsed = DraftParser.Parse(reading.Markdown);
            if (parsed.Sections.Count == 0)
                return (null, Decision.Invalid("markdown", DomainText.DraftEmpty));
            return (new ParsedVersion(reading.Markdown, parsed.Sections.Select(Snapshot).ToList(), parsed.Frame, [.. reading.Warnings, .. parsed.Warnings]), null);
        }
        catch (DraftTooLargeException e)
        {
            return (null, e.Limit == DraftLimit.MarkdownBytes ? Decision.Oversized(e.Field, e.Message) : Decision.Invalid(e.Field, e.Message));
        }
        catch (DraftInvalidException e)
        {
            return (null, Decision.Invalid(e.Field, e.Message));
        }
    }

    public static SectionSnapshot Snapshot(DraftSection s) =>
        new(s.Anchor, s.Number, s.Heading, s.Text, s.Html, s.ParentAnchor, s.Order, s.Level);
}
