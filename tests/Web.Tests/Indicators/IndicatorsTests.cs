using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Indicators.Snapshots;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Nq45Consult.Web.Tests.Indicators;

/// <summary>The app without the background monthly round, so that every snapshot is one a test took.</summary>
public class IndicatorsApp : FeedbackFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Indicators:MonthlySnapshots", "false");
    }
}

/// <summary>
/// The plan's indicators over the demo registry (expert1 and expert2 TS, expert3 ĐH): the seed plan's four by default, one
/// defined by an admin, two snapshots with registry changes between, the series and the mid-term review's XLSX and DOCX.
/// </summary>
public class IndicatorsTests(IndicatorsApp app) : IClassFixture<IndicatorsApp>
{
    private const string Graduates = "Người có trình độ đại học trở lên";
    private const string Doctors = "Tỷ lệ tiến sĩ và tương đương";
    private const string Masters = "Tỷ lệ thạc sĩ";
    private const string Enterprises = "Doanh nghiệp khoa học và công nghệ";
    private const string Health = "Chuyên gia lĩnh vực y tế";

    [Fact]
    public async Task Two_snapshots_with_registry_changes_between_give_the_series_and_the_review_compares_first_and_latest()
    {
        var admin = await app.As("admin");
        var moderator = await app.As("moderator");
        var defaults = (await admin.GetFromJsonAsync<JsonElement[]>("/api/indicators"))!;
        Assert.Equal([Graduates, Doctors, Masters, Enterprises], defaults.Select(i => i.GetProperty("nameVi").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.GetAsync("/api/indicators/review.xlsx")).StatusCode);

        var first = await (await Taken(moderator)).JsonAsync();
        Assert.Equal(3, first.GetProperty("registrySize").GetInt32());
        Assert.Equal("on-demand", first.GetProperty("kind").GetString());

        // Between the snapshots: the enterprises' figure is recorded, a master and a non-graduate join, an indicator is defined.
        var enterprises = defaults.Single(i => i.GetProperty("measure").GetString() == "manual");
        var recorded = await admin.PutAsJsonAsync($"/api/indicators/{enterprises.GetProperty("id")}", new
        {
            nameVi = Enterprises, nameEn = "Science and technology enterprises", measure = "manual", target = 30, deadline = "2030-12-31", figure = 12,
        });
        Assert.Equal(12, (await recorded.JsonAsync()).GetProperty("figure").GetDouble());
        foreach (var (name, degree, field) in new[] { ("Đỗ Thị Thu", "ths", "y tế"), ("Vũ Văn Hải", "other", "khác") })
            (await moderator.PostAsJsonAsync("/api/experts", new { fullName = name, academicTitle = "none", degree, fields = new[] { field } })).EnsureSuccessStatusCode();
        var health = new { nameVi = Health, nameEn = "Health experts", measure = "count", filters = new[] { new { field = "y tế" } }, target = 100, deadline = "2030-06-30" };
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsJsonAsync("/api/indicators", health)).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/indicators", new { nameVi = "", measure = "count", filters = new[] { new { degree = "giáo sư" } }, deadline = "2030" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["deadline", "filters[0].degree", "nameEn", "nameVi", "target"],
            (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var defined = await admin.PostAsJsonAsync("/api/indicators", health);
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);

        var latest = await (await Taken(moderator)).JsonAsync();
        Assert.Equal(5, latest.GetProperty("registrySize").GetInt32());

        var snapshots = (await moderator.GetFromJsonAsync<JsonElement[]>("/api/indicators/snapshots"))!;
        Assert.Equal(2, snapshots.Length);
        double? ValueOf(JsonElement snapshot, string name) =>
            snapshot.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("nameVi").GetString() == name)
                .Select(v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble()).SingleOrDefault();
        Assert.Equal(new double?[] { 3, 4 }, snapshots.Select(s => ValueOf(s, Graduates)));
        Assert.Equal(new double?[] { 66.67, 50 }, snapshots.Select(s => ValueOf(s, Doctors)));
        Assert.Equal(new double?[] { 0, 25 }, snapshots.Select(s => ValueOf(s, Masters)));
        Assert.Equal(new double?[] { null, 12 }, snapshots.Select(s => ValueOf(s, Enterprises)));
        Assert.Equal(new double?[] { null, 2 }, snapshots.Select(s => ValueOf(s, Health)));

        var rows = await XlsxRows(moderator, "");
        Assert.Equal(["TT", "Chỉ tiêu", "Cách tính", "Mục tiêu", "Thời hạn", "Giá trị lần đầu", "Ngày lần đầu", "Giá trị gần nhất", "Ngày gần nhất", "Thay đổi", "% so với mục tiêu"], rows[0]);
        Assert.Equal(6, rows.Count);
        var byName = rows.Skip(1).ToDictionary(r => r[1]);
        Assert.Equal(["90000", "2030-12-31", "3", "4", "1"], Pick(byName[Graduates], 3, 4, 5, 7, 9));
        Assert.Equal(["0.5", "66.67", "50", "-16.67", "10000"], Pick(byName[Doctors], 3, 5, 7, 9, 10));
        Assert.Equal(["12", "0", "25", "25", "208.3"], Pick(byName[Masters], 3, 5, 7, 9, 10));
        // Not measured at the first snapshot: no first value, so no change; 12 of 30 is 40 %.
        Assert.Equal(["", "12", "", "40"], Pick(byName[Enterprises], 5, 7, 9, 10));
        // Defined between the snapshots: its first value is its first snapshot's.
        Assert.Equal(["2", "2", "0", "2", "2030-06-30"], Pick(byName[Health], 5, 7, 9, 10, 4));
        Assert.Contains("lĩnh vực y tế", byName[Health][2]);
        Assert.Contains("học vị TS hoặc TSKH", byName[Doctors][2]);
        Assert.Equal(byName[Health][6], byName[Health][8]);
        Assert.Equal("Latest value", (await XlsxRows(moderator, "?headings=en"))[0][7]);

        var docx = await Docx(moderator, "");
        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO SƠ KẾT", "Nghị quyết số 45-NQ/TW",
                     "% so với mục tiêu", Graduates, "66,67 %", "50 %", "-16,67 %", "90.000", "10.000 %", "31/12/2030", "có 3 người", "có 5 người" })
            Assert.True(docx.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" not in: {docx}");
        var english = await Docx(moderator, "?headings=en");
        Assert.Contains("% of target", english);
        Assert.Contains("BÁO CÁO SƠ KẾT", english);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.GetAsync("/api/indicators/review.docx?headings=fr")).StatusCode);

        var page = await moderator.GetStringAsync("/experts/indicators");
        Assert.Contains("data-targets=\"[90000,90000]\"", page);
        Assert.Contains("data-values=\"[3,4]\"", page);

        var healthId = (await defined.JsonAsync()).GetProperty("id").GetGuid();
        Assert.True((await (await admin.PostAsync($"/api/indicators/{healthId}/retire", null)).JsonAsync()).GetProperty("retired").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/indicators/{healthId}", health)).StatusCode);
        var third = await (await Taken(moderator)).JsonAsync();
        Assert.DoesNotContain(third.GetProperty("values").EnumerateArray(), v => v.GetProperty("indicatorId").GetGuid() == healthId);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("expert1")).PostAsync("/api/indicators/snapshots", null)).StatusCode);
    }

    private static string[] Pick(IReadOnlyList<string> row, params int[] columns) => [.. columns.Select(c => row[c])];

    private static async Task<HttpResponseMessage> Taken(HttpClient moderator)
    {
        var taken = await moderator.PostAsync("/api/indicators/snapshots", null);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        return taken;
    }

    private static async Task<List<List<string>>> XlsxRows(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/indicators/review.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.Workbook.Descendants<Spreadsheet.Sheet>().First(s => s.Name == "Sơ kết");
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Spreadsheet.Row>().Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.InnerText).ToList())];
    }

    private static async Task<string> Docx(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/indicators/review.docx" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

/// <summary>The month's snapshot, taken by two nodes at once and again later: stored once.</summary>
public class MonthlySnapshotTests(IndicatorsApp app) : IClassFixture<IndicatorsApp>
{
    [Fact]
    public async Task Two_rounds_for_the_same_month_store_one_snapshot()
    {
        var month = new DateTimeOffset(2031, 1, 1, 0, 30, 0, TimeSpan.FromHours(7));
        var handler = app.Services.GetRequiredService<TakeSnapshotHandler>();

        var together = await Task.WhenAll(handler.Handle(TakeSnapshot.Monthly(month), default), handler.Handle(TakeSnapshot.Monthly(month.AddHours(5)), default));
        var again = await handler.Handle(TakeSnapshot.Monthly(month.AddDays(20)), default);

        Assert.Single(together, o => o.Snapshot is not null);
        Assert.All(together, o => Assert.True(o.Decision.Accepted));
        Assert.Null(again.Snapshot);
        var snapshots = (await (await app.As("admin")).GetFromJsonAsync<JsonElement[]>("/api/indicators/snapshots"))!;
        var monthly = Assert.Single(snapshots);
        Assert.Equal("2031-01", monthly.GetProperty("month").GetString());
        Assert.Equal("monthly", monthly.GetProperty("kind").GetString());
        Assert.Equal(IndicatorSnapshot.MonthlyId("2031-01"), monthly.GetProperty("id").GetGuid());

        var next = await handler.Handle(TakeSnapshot.Monthly(month.AddMonths(1)), default);
        Assert.Equal("2031-02", next.Snapshot!.Month);
    }
}
