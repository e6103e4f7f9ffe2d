using System.Globalization;
using DocumentFormat.OpenXml;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Review.Minutes;

/// <summary>
/// The minutes as DOCX in the administrative form (Decree 30/2020, A4 portrait): the organiser beside the national
/// header with the place and date, the heading and subject, time, place, attendance, chair and secretary, the content
/// by agenda step, the conclusions, and the signature block of the chair and the secretary. A draft says so under
/// its heading.
/// </summary>
public static class MinutesDocx
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Task Write(Stream output, SessionMinutes minutes, CancellationToken cancellation = default) =>
        DocxReport.WritePackage(output, landscape: false, writer =>
        {
            foreach (var element in Body(minutes)) writer.WriteElement(element);
            return Task.CompletedTask;
        }, cancellation);

    private static IEnumerable<OpenXmlElement> Body(SessionMinutes minutes)
    {
        var c = minutes.Content;
        var day = c.StartedAt?.ToOffset(TimeSpan.FromHours(7)) ?? minutes.GeneratedAt.ToOffset(TimeSpan.FromHours(7));
        yield return DocxReport.TwoColumns(
            [DocxReport.Line(c.Organiser.ToUpper(Vietnamese), bold: true, center: true)],
            [.. DocxReport.NationalHeader(),
                DocxReport.Line($"{MinutesText.Blank}, {Letterhead.DateLine(DateOnly.FromDateTime(day.DateTime), day.Year)}", italic: true, center: true)]);
        yield return DocxReport.Line("");
        yield return DocxReport.Line(c.Heading.ToUpper(Vietnamese), bold: true, center: true);
        yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.About, c.Subject), bold: true, center: true);
        if (!minutes.IsFinal) yield return DocxReport.Line(MinutesText.DraftMark, italic: true, center: true);
        yield return DocxReport.Line(c.StartedAt is { } start
            ? c.EndedAt is { } end
                ? string.Format(Vietnamese, MinutesText.Time, MinutesDraft.Clock(start), MinutesDraft.Clock(end))
                : string.Format(Vietnamese, MinutesText.TimeOpen, MinutesDraft.Clock(start))
            : string.Format(Vietnamese, MinutesText.TimeOpen, MinutesText.Blank));
        yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.Place, c.Place));
        yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.Participants, c.Participants));
        yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.ChairLine, OrBlank(c.Chair)));
        yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.SecretaryLine, OrBlank(c.Secretary)));
        yield return DocxReport.Line(MinutesText.ContentHeading, bold: true);
        foreach (var step in c.Steps)
        {
            yield return DocxReport.Line(step.Heading, bold: true);
            foreach (var line in Lines(step.Text)) yield return DocxReport.Line(line);
        }
        yield return DocxReport.Line(MinutesText.ConclusionsHeading, bold: true);
        foreach (var line in Lines(OrBlank(c.Conclusions))) yield return DocxReport.Line(line);
        if (c.EndedAt is { } closed) yield return DocxReport.Line(string.Format(Vietnamese, MinutesText.Closing, MinutesDraft.Clock(closed)), italic: true);
        yield return DocxReport.Line("");
        yield return DocxReport.TwoColumns(
            [DocxReport.Line(MinutesText.Secretary, bold: true, center: true), .. Space(), DocxReport.Line(c.Secretary, bold: true, center: true)],
            [DocxReport.Line(MinutesText.Chair, bold: true, center: true), .. Space(), DocxReport.Line(c.Chair, bold: true, center: true)]);
    }

    /// <summary>Room to sign.</summary>
    private static IEnumerable<DocumentFormat.OpenXml.Wordprocessing.Paragraph> Space() => Enumerable.Range(0, 3).Select(_ => DocxReport.Line(""));

    private static string OrBlank(string text) => string.IsNullOrWhiteSpace(text) ? MinutesText.Blank : text;

    /// <summary>One paragraph per line: Word ignores '\n' inside a run.</summary>
    private static IEnumerable<string> Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
