using DocumentFormat.OpenXml;
using Marten;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The reports' section "Bản đồ ý kiến": the groups with their sizes and representative statements, the statements
/// every group agrees with and those that divide them, from the last computed map (docs/opinion-map.md). Counts only,
/// never a participant.
/// </summary>
public sealed record OpinionMapSection(OpinionMapSnapshot Snapshot, IReadOnlyDictionary<string, string> Texts)
{
    /// <summary>The last computed map of the consultation; null when it has none yet (the reports then leave the section out).</summary>
    public static async Task<OpinionMapSection?> Load(IQuerySession session, Guid consultationId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<OpinionMapSnapshot>(consultationId, cancellation) is not { } snapshot) return null;
        var statements = await session.LoadManyAsync<Statement>(cancellation, snapshot.StatementIds.Select(Guid.Parse).ToArray());
        return new OpinionMapSection(snapshot, statements.ToDictionary(s => s.Id.ToString(), s => s.Text));
    }

    public void Write(OpenXmlWriter writer)
    {
        foreach (var (text, bold) in Lines()) writer.WriteElement(DocxReport.Text(text, bold, center: false));
    }

    /// <summary>The section's lines, each with whether it is a heading; the DOCX and the HTML of the PDF write the same.</summary>
    public IEnumerable<(string Text, bool Bold)> Lines()
    {
        string TextOf(string id) => Texts.GetValueOrDefault(id, id);
        var result = Snapshot.Result;
        yield return ("BẢN ĐỒ Ý KIẾN", true);
        yield return ($"{result.Participants} người đã bỏ phiếu trên {Snapshot.StatementIds.Count} nhận định, chia thành {result.Groups.Count} nhóm ý kiến (tính lúc {Snapshot.ComputedAt:dd/MM/yyyy HH:mm} UTC).", false);
        foreach (var group in result.Groups)
        {
            yield return ($"Nhóm {group.Id + 1} ({group.Size} người)", true);
            foreach (var r in group.Representative)
                yield return ($"– {(r.For == RepresentativeFor.Agree ? "Đồng ý" : "Không đồng ý")}: {TextOf(r.StatementId)} ({r.Agree} đồng ý, {r.Disagree} không đồng ý trên {r.Seen} phiếu của nhóm)", false);
        }
        yield return ("Đồng thuận giữa các nhóm", true);
        foreach (var id in result.Consensus) yield return ($"– {TextOf(id)}", false);
        if (result.Consensus.Count == 0) yield return ("Không có.", false);
        yield return ("Chia rẽ giữa các nhóm", true);
        foreach (var id in result.Divisive) yield return ($"– {TextOf(id)}", false);
        if (result.Divisive.Count == 0) yield return ("Không có.", false);
    }
}
