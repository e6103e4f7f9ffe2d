using Nq45Consult.Consultation.Common;

namespace Nq45Consult.Consultation.Review.Reporting;

/// <summary>
/// The acceptance report as an HTML page to print (the PDF): the same letterhead, title, preamble, five-column table,
/// opinion map and signature block as <see cref="DocxReport"/>, laid out by the print stylesheet
/// <c>css/report-print.css</c> (A4 landscape, Decree 30/2020 margins, Times New Roman or its metric twin). Rows are
/// written one at a time; the table's header repeats on every page.
/// </summary>
public static class HtmlReport
{
    public static async Task Write(
        Stream output, ReportPreamble preamble, IAsyncEnumerable<ReportRow> rows, IEnumerable<Uri> stylesheets, CancellationToken cancellation = default)
    {
        await using var writer = PrintDocument.Writer(output);
        await PrintDocument.Start(writer, $"{DocxReport.Title} — {preamble.Consultation.Title}", stylesheets, "report");
        await writer.WriteAsync(Heading(preamble));
        var tableStart = TableStart(preamble.Headings.Document);
        await writer.WriteAsync(tableStart("acceptance"));
        string? group = null;
        var rowsInTable = 0;
        await foreach (var row in rows.WithCancellation(cancellation))
        {
            if (++rowsInTable > RowsPerTable)
            {
                await writer.WriteAsync("</tbody>\n</table>\n" + tableStart("acceptance continued"));
                rowsInTable = 1;
                group = null;
            }
            if (row.Group != group)
                await writer.WriteAsync($"<tr class=\"group\"><th colspan=\"{preamble.Headings.Document.Count}\" scope=\"colgroup\">{E(group = row.Group)}</th></tr>\n");
            await writer.WriteAsync($"<tr><td>{row.Number}</td><td>{E(row.Group)}</td><td>{E(row.Author)}</td><td>{E(row.FeedbackCell)}</td><td>{E(row.ResponseCell)}</td></tr>\n");
        }
        await writer.WriteAsync("</tbody>\n</table>\n");
        if (preamble.OpinionMap is { } map)
        {
            await writer.WriteAsync("<section class=\"opinion-map\">\n");
            foreach (var (text, bold) in map.Lines()) await writer.WriteAsync(bold ? $"<p><strong>{E(text)}</strong></p>\n" : $"<p>{E(text)}</p>\n");
            await writer.WriteAsync("</section>\n");
        }
        await writer.WriteAsync(Signature(preamble.Letterhead));
        await PrintDocument.End(writer);
    }

    /// <summary>
    /// Rows per <c>table</c> element. Chromium's tagged PDF grows with the square of one table's length (1,000 rows
    /// 4.8 MB, 2,000 rows 12.5 MB; 10,000 took 929 s and 166 MiB), and linearly when the table is cut into parts
    /// (3.4 MB per 1,000 rows). Each part after the first starts a page, where its header stands as the repeated one.
    /// </summary>
    private const int RowsPerTable = 200;

    private static Func<string, string> TableStart(IEnumerable<string> headings)
    {
        var header = string.Concat(headings.Select(heading => $"<th scope=\"col\">{E(heading)}</th>"));
        return classes => $"<table class=\"{classes}\">\n<thead><tr>{header}</tr></thead>\n<tbody>\n";
    }

    private static string E(string text) => PrintDocument.Encode(ReportText.ForXml(text));

    private static string Heading(ReportPreamble p)
    {
        var l = p.Letterhead;
        var preamble = string.Concat(DocxReport.PreambleLines(p).Select(line => $"<p>{E(line)}</p>\n"));
        return $"""
            <table class="letterhead"><tr>
            <td><p class="issuing-body">{E(l.IssuingBody)}</p><p class="number">{E(l.NumberLine)}</p></td>
            <td><p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="motto-sub">Độc lập - Tự do - Hạnh phúc</p><p class="place-date">{E(l.PlaceDateLine)}</p></td>
            </tr></table>
            <h1>{E(DocxReport.Title)}</h1>
            <p class="subtitle">đối với dự thảo {E(p.Consultation.Title)}</p>
            <div class="preamble">
            {preamble}</div>

            """;
    }

    private static string Signature(Letterhead l) => $"""
        <table class="signature"><tr>
        <td class="recipients"><p class="recipients-heading">{E(Letterhead.RecipientsHeading)}</p>{string.Concat(l.Recipients.Select(r => $"<p>- {E(r)}</p>"))}</td>
        <td class="signer">{string.Concat(l.SignerPosition.Select(line => $"<p class=\"position\">{E(line)}</p>"))}<p class="signer-space"></p><p class="signer-name">{E(l.SignerName)}</p></td>
        </tr></table>

        """;
}
