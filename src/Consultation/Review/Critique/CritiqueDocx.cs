using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Review.Critique;

/// <summary>
/// The Union's critique report as DOCX (A4 portrait): national header, then I. strengths, II. shortcomings,
/// III. recommendations by addressee; under each point the cited items, anonymous authors as "Ẩn danh".
/// Progress counts points written out of all the report's points.
/// </summary>
public sealed class CritiqueDocx(IQuerySession session)
{
    public async Task Write(
        Stream output, ConsultationDetails consultation, CritiqueReport report, IProgress<ExportProgress>? progress = null, CancellationToken cancellation = default)
    {
        var total = report.Strengths.Count + report.Shortcomings.Count + report.Recommendations.Count;
        var written = 0;
        progress?.Report(new(written, total));
        var cited = report.Strengths.Concat(report.Shortcomings).SelectMany(p => p.ItemIds).Concat(report.Recommendations.SelectMany(r => r.ItemIds))
            .Distinct().ToArray();
        var items = (await session.LoadManyAsync<FeedbackItem>(cancellation, cited)).ToDictionary(i => i.Id);
        var opinionMap = await OpinionMapSection.Load(session, consultation.Id, cancellation);
        await DocxReport.WritePackage(output, landscape: false, writer =>
        {
            foreach (var line in DocxReport.NationalHeader()) writer.WriteElement(line);
            writer.WriteElement(DocxReport.Text("BÁO CÁO PHẢN BIỆN", bold: true, center: true));
            writer.WriteElement(DocxReport.Text($"đối với dự thảo {consultation.Title} ({consultation.DraftingAgency})", bold: false, center: true));
            void Points(string heading, IEnumerable<(string Text, IReadOnlyList<Guid> ItemIds)> points)
            {
                writer.WriteElement(DocxReport.Text(heading, bold: true, center: false));
                var n = 0;
                foreach (var (text, ids) in points)
                {
                    writer.WriteElement(DocxReport.Text($"{++n}. {text}", bold: false, center: false));
                    foreach (var id in ids.Where(items.ContainsKey))
                        writer.WriteElement(DocxReport.Text($"– Ý kiến của {items[id].PublicAuthorName}: {items[id].Content.Rationale}", bold: false, center: false));
                    progress?.Report(new(++written, total));
                }
            }
            Points("I. ƯU ĐIỂM", report.Strengths.Select(p => (p.Text, p.ItemIds)));
            Points("II. HẠN CHẾ", report.Shortcomings.Select(p => (p.Text, p.ItemIds)));
            writer.WriteElement(DocxReport.Text("III. KIẾN NGHỊ", bold: true, center: false));
            foreach (var addressee in report.Recommendations.GroupBy(r => r.Addressee))
                Points($"Kiến nghị với {addressee.Key}", addressee.Select(r => (r.Text, r.ItemIds)));
            opinionMap?.Write(writer);
            return Task.CompletedTask;
        }, cancellation);
    }
}
