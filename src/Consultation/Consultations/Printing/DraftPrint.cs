using Nq45Consult.Consultation.Common;

namespace Nq45Consult.Consultation.Consultations.Printing;

/// <summary>
/// A draft version as the consultation page prints it (the PDF of <c>…/versions/{v}/draft.pdf</c>): the title, the
/// document's frame, every section with its number and heading, with the same classes as the page, so the page's
/// stylesheets and its print stylesheet (<c>css/print.css</c>) lay it out. Section HTML is the sanitized HTML the page shows.
/// </summary>
public static class DraftPrint
{
    public static async Task Write(
        Stream output, ConsultationDetails consultation, DraftVersion version, IEnumerable<Uri> stylesheets, CancellationToken cancellation = default)
    {
        await using var writer = PrintDocument.Writer(output);
        await PrintDocument.Start(writer, consultation.Title, stylesheets, "print-document");
        var agency = consultation.DraftingAgency.Length > 0 ? $" · {PrintDocument.Encode(consultation.DraftingAgency)}" : "";
        await writer.WriteAsync($"<main>\n<h1>{PrintDocument.Encode(consultation.Title)}</h1>\n<p class=\"meta\">{PrintDocument.Encode(DomainText.DraftVersionNumber(version.Version))}{agency}</p>\n<article>\n");
        if (version.Frame is { } frame && (frame.HeaderHtml.Length > 0 || frame.PreambleHtml.Length > 0))
            await writer.WriteAsync($"<section class=\"draft-frame\"><div class=\"draft-frame-header\">{frame.HeaderHtml}</div>" +
                $"<div class=\"draft-frame-preamble\">{frame.PreambleHtml}</div></section>\n");
        foreach (var s in version.Sections)
        {
            cancellation.ThrowIfCancellationRequested();
            var title = string.Join(" ", new[] { s.Number, s.Heading }.Where(t => t.Length > 0));
            await writer.WriteAsync($"<section class=\"draft-section\" id=\"{PrintDocument.Encode(s.Anchor)}\" data-level=\"{s.Level}\">");
            if (title.Length > 0) await writer.WriteAsync($"<h2>{PrintDocument.Encode(title)}</h2>");
            await writer.WriteAsync($"{s.Html}</section>\n");
        }
        if (version.Frame is { ClosingHtml.Length: > 0 } closing)
            await writer.WriteAsync($"<section class=\"draft-frame draft-frame-closing\">{closing.ClosingHtml}</section>\n");
        await writer.WriteAsync("</article>\n</main>\n");
        await PrintDocument.End(writer);
    }
}
