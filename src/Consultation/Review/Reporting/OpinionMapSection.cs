using DocumentFormat.OpenXml;
using Marten;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The reports' section "Bản đồ ý kiến": the groups with their sizes and representative statements, the statements
/// every group agrees with and those that divide them, from the last computed map (docs/opinion-map.md). Counts only,
/// never a participant. Nothing is written when the consultation has no map yet.
/// </summary>
public static class OpinionMapSection
{
    public static async Task Write(OpenXmlWriter writer, IQuerySession session, Guid consultationId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<OpinionMapSnapshot>(consultationId, cancellation) is not { } snapshot) return;
        var texts = (await session.LoadManyAsync<Statement>(cancellation, snapshot.StatementIds.Select(Guid.Parse).ToArray()))
            .ToDictionary(s => s.Id.ToString(), s => s.Text);
        string TextOf(string id) => texts.GetValueOrDefault(id, id);
        var result = snapshot.Result;
        writer.WriteElement(DocxReport.Text("BẢN ĐỒ Ý KIẾN", bold: true, center: false));
        writer.WriteElement(DocxReport.Text(
            $"{result.Participants} người đã bỏ phiếu trên {snapshot.StatementIds.Count} nhận định, chia thành {result.Groups.Count} nhóm ý kiến (tính lúc {snapshot.ComputedAt:dd/MM/yyyy HH:mm} UTC).",
            bold: false, center: false));
        foreach (var group in result.Groups)
        {
            writer.WriteElement(DocxReport.Text($"Nhóm {group.Id + 1} ({group.Size} người)", bold: true, center: false));
            foreach (var r in group.Representative)
                writer.WriteElement(DocxReport.Text(
                    $"– {(r.For == RepresentativeFor.Agree ? "Đồng ý" : "Không đồng ý")}: {TextOf(r.StatementId)} ({r.Agree} đồng ý, {r.Disagree} không đồng ý trên {r.Seen} phiếu của nhóm)",
                    bold: false, center: false));
        }
        writer.WriteElement(DocxReport.Text("Đồng thuận giữa các nhóm", bold: true, center: false));
        foreach (var id in result.Consensus) writer.WriteElement(DocxReport.Text($"– {TextOf(id)}", bold: false, center: false));
        if (result.Consensus.Count == 0) writer.WriteElement(DocxReport.Text("Không có.", bold: false, center: false));
        writer.WriteElement(DocxReport.Text("Chia rẽ giữa các nhóm", bold: true, center: false));
        foreach (var id in result.Divisive) writer.WriteElement(DocxReport.Text($"– {TextOf(id)}", bold: false, center: false));
        if (result.Divisive.Count == 0) writer.WriteElement(DocxReport.Text("Không có.", bold: false, center: false));
    }
}
