using System.Text;
using System.Text.RegularExpressions;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Review.Reporting;

namespace Nq45Consult.Consultation.Tests.Review;

/// <summary>The report page Chromium prints: a long table is written in parts, and no row is lost or repeated on the way.</summary>
public class HtmlReportTests
{
    [Fact]
    public async Task A_long_table_is_written_in_parts_of_at_most_200_rows_each_with_its_header_and_every_row_once()
    {
        var html = await Write(rows: 450);

        var tables = Regex.Matches(html, "<table class=\"(acceptance[^\"]*)\">");
        Assert.Equal(["acceptance", "acceptance continued", "acceptance continued"], tables.Select(t => t.Groups[1].Value));
        Assert.Equal(3, Regex.Count(html, "<thead><tr><th scope=\"col\">TT</th>"));
        var numbers = Regex.Matches(html, "<tr><td>(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 450), numbers);
        // Each part opens with its group's heading, so a page that starts a part says which issue it continues.
        Assert.Equal(3 + 2, Regex.Count(html, "<tr class=\"group\">"));
        Assert.Matches("<tbody>\n<tr class=\"group\"><th colspan=\"5\" scope=\"colgroup\">Mục II</th></tr>\n<tr><td>201</td>", html);
    }

    [Fact]
    public async Task A_short_table_is_one_table()
    {
        var html = await Write(rows: 200);

        Assert.Single(Regex.Matches(html, "<table class=\"acceptance"));
        Assert.Equal(200, Regex.Count(html, "<tr><td>\\d+</td>"));
    }

    private static async Task<string> Write(int rows)
    {
        var at = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7));
        var consultation = new ConsultationDetails(
            Guid.NewGuid(), "ke-hoach", "Kế hoạch thử", "", "Sở Nội vụ", DocumentType.Plan, [], Audience.Public, at, at.AddDays(30),
            ConsultationStatus.Closed, 1, [], [], "moderator", at, at, at.AddDays(30));
        var preamble = new ReportPreamble(
            consultation, 0, 0, 0, rows, Enum.GetValues<Stance>().ToDictionary(s => s, _ => 0),
            Enum.GetValues<ResponseDecision>().ToDictionary(d => d, _ => 0), 0, 0, true, at, rows,
            Letterhead.Of(consultation, null, at));
        using var output = new MemoryStream();
        await HtmlReport.Write(output, preamble, Rows(rows), []);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    // Three groups: rows 1–150 "Mục I", 151–300 "Mục II", the rest "Mục III".
    private static async IAsyncEnumerable<ReportRow> Rows(int count)
    {
        await Task.Yield();
        for (var n = 1; n <= count; n++)
            yield return new ReportRow(n, n <= 150 ? "Mục I" : n <= 300 ? "Mục II" : "Mục III", "Chuyên gia", "Đồng ý", "Ý kiến", null, "Tiếp thu", "");
    }
}
