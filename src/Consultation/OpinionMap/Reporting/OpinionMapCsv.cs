using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.OpinionMap.Reporting;

/// <summary>
/// The map's data for officials, as CSV (UTF-8 with a byte order mark for Excel, formula-like cells escaped, as the
/// acceptance report): one row per group and statement, with the group's counts and whether the statement
/// represents the group, is a consensus or divides the groups. Counts only: no participant appears.
/// </summary>
public static class OpinionMapCsv
{
    public static string[] Columns => [DomainText.CsvGroup, DomainText.CsvGroupSize, DomainText.CsvStatementId, DomainText.CsvStatement, DomainText.CsvAgree, DomainText.CsvDisagree, DomainText.CsvPassed, DomainText.CsvRepresentative, DomainText.CsvConsensus, DomainText.CsvDivisive];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static async Task Write(Stream output, OpinionMapExport export, CancellationToken cancellation = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration);
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        var map = export.Map;
        var result = map.Snapshot.Result;
        var consensus = result.Consensus.ToHashSet();
        var divisive = result.Divisive.ToHashSet();
        foreach (var group in result.Groups)
        {
            var representative = group.Representative.ToDictionary(r => r.StatementId);
            foreach (var statementId in map.Snapshot.StatementIds.Where(map.Texts.ContainsKey))
            {
                var counts = export.Votes.GetValueOrDefault((group.Id, statementId));
                var stands = representative.TryGetValue(statementId, out var r) ? r.For : (RepresentativeFor?)null;
                csv.WriteField((group.Id + 1).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(group.Size.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(statementId);
                csv.WriteField(map.Texts[statementId]);
                csv.WriteField((counts?.Agree ?? 0).ToString(CultureInfo.InvariantCulture));
                csv.WriteField((counts?.Disagree ?? 0).ToString(CultureInfo.InvariantCulture));
                csv.WriteField((counts?.Seen ?? 0).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(stands switch { RepresentativeFor.Agree => DomainText.CsvAgreeValue, RepresentativeFor.Disagree => DomainText.CsvDisagreeValue, _ => "" });
                csv.WriteField(consensus.Contains(statementId) ? "x" : "");
                csv.WriteField(divisive.Contains(statementId) ? "x" : "");
                await csv.NextRecordAsync();
            }
        }
        await csv.FlushAsync();
    }
}
