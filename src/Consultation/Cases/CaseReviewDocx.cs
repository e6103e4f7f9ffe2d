using System.Globalization;
using DocumentFormat.OpenXml;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Cases;

/// <summary>
/// A review as DOCX in the administrative form (Decree 30/2020, A4 portrait), through the report's DOCX helpers: the
/// Union beside the national header with the date, "BẢN NHẬN XÉT" and the case's subject, the reviewer and their role,
/// the assessment by chapter, strengths, shortcomings, recommendations, the conclusion, and the reviewer's signature block.
/// A draft says so under its heading.
/// </summary>
public static class CaseReviewDocx
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Task Write(Stream output, CritiqueCase found, CaseReview review, CancellationToken cancellation = default) =>
        DocxReport.WritePackage(output, landscape: false, writer =>
        {
            foreach (var element in Body(found, review)) writer.WriteElement(element);
            return Task.CompletedTask;
        }, cancellation);

    private static IEnumerable<OpenXmlElement> Body(CritiqueCase found, CaseReview review)
    {
        var c = review.Content;
        var day = (review.SubmittedAt ?? review.DraftedAt).ToOffset(TimeSpan.FromHours(7));
        yield return DocxReport.TwoColumns(
            [DocxReport.Line(CaseReviewText.Organiser, bold: true, center: true)],
            [.. DocxReport.NationalHeader(),
                DocxReport.Line($"{CaseReviewText.Blank}, {Letterhead.DateLine(DateOnly.FromDateTime(day.DateTime), day.Year)}", italic: true, center: true)]);
        yield return DocxReport.Line("");
        yield return DocxReport.Line(CaseReviewText.Heading, bold: true, center: true);
        yield return DocxReport.Line(Format(CaseReviewText.About, found.Subject), bold: true, center: true);
        if (!review.IsSubmitted) yield return DocxReport.Line(CaseReviewText.DraftMark, italic: true, center: true);
        yield return DocxReport.Line(Format(CaseReviewText.Reviewer, review.FullName));
        yield return DocxReport.Line(Format(CaseReviewText.Role, CaseLetters.RoleName(review.Role, english: false)));
        yield return DocxReport.Line(CaseReviewText.ChaptersHeading, bold: true);
        if (c.Chapters.Count == 0) yield return DocxReport.Line(CaseReviewText.Nothing);
        foreach (var chapter in c.Chapters)
        {
            yield return DocxReport.Line(chapter.Title, bold: true);
            foreach (var line in Lines(chapter.Text)) yield return DocxReport.Line(line);
        }
        yield return DocxReport.Line(CaseReviewText.StrengthsHeading, bold: true);
        foreach (var line in Lines(c.Strengths)) yield return DocxReport.Line(line);
        yield return DocxReport.Line(CaseReviewText.ShortcomingsHeading, bold: true);
        foreach (var line in Lines(c.Shortcomings)) yield return DocxReport.Line(line);
        yield return DocxReport.Line(CaseReviewText.RecommendationsHeading, bold: true);
        if (c.Recommendations.Count == 0) yield return DocxReport.Line(CaseReviewText.Nothing);
        for (var i = 0; i < c.Recommendations.Count; i++)
            foreach (var line in Lines(Format(CaseReviewText.Recommendation, i + 1, c.Recommendations[i].Addressee, c.Recommendations[i].Text)))
                yield return DocxReport.Line(line);
        yield return DocxReport.Line(CaseReviewText.ConclusionHeading, bold: true);
        if (c.Conclusion is { } conclusion) yield return DocxReport.Line(CaseReviewText.Conclusion(conclusion) + ".", bold: true);
        foreach (var line in Lines(c.ConclusionText)) yield return DocxReport.Line(line);
        if (review.SubmittedAt is { } at) yield return DocxReport.Line(Format(CaseReviewText.SubmittedAt, MinutesDraft.Clock(at)), italic: true);
        yield return DocxReport.Line("");
        yield return DocxReport.TwoColumns(
            [DocxReport.Line("")],
            [DocxReport.Line(CaseReviewText.Signature, bold: true, center: true), .. Enumerable.Range(0, 3).Select(_ => DocxReport.Line("")),
                DocxReport.Line(review.FullName, bold: true, center: true)]);
    }

    private static string Format(string format, params object[] args) => string.Format(Vietnamese, format, args);

    /// <summary>One paragraph per line (Word ignores '\n' inside a run); an empty part reads "no opinion".</summary>
    private static IEnumerable<string> Lines(string text) =>
        string.IsNullOrWhiteSpace(text) ? [CaseReviewText.Nothing] : text.ReplaceLineEndings("\n").Split('\n');
}
