using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Nq45Consult.Web.Tests.Accounts;
using Nq45Consult.Web.Tests.Feedback;

namespace Nq45Consult.Web.Tests.Experts;

/// <summary>Member list import (preview, errors, re-import, encodings, size), CSV export, statistics and invitations by field.</summary>
public sealed class MemberListTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Header = "ma_hoi_vien,ho_ten,hoc_ham,hoc_vi,linh_vuc,chuyen_nganh,co_quan,hoi_thanh_vien,trong_tinh,email,dien_thoai,dong_y_lien_he";

    private static HttpContent Csv(string text, bool bom = false) =>
        Bytes(bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private async Task<long> Total(HttpClient client, string query = "") =>
        (await (await client.GetAsync("/api/experts?pageSize=1" + query)).JsonAsync()).GetProperty("total").GetInt64();

    [Fact]
    public async Task A_preview_imports_nothing_then_the_import_creates_and_a_re_import_updates_without_duplicates()
    {
        var moderator = await app.As("moderator");
        var csv = $"""
            {Header}
            TH-001,Trần Văn Bình,GS,TSKH,công nghệ thông tin;khoa học và công nghệ,Trí tuệ nhân tạo,Viện CNTT,Hội Tin học tỉnh,có,binh@example.vn,0912000001,có
            TH-002,Phạm Thị Cúc,,ThS,giáo dục và đào tạo,Quản lý giáo dục,Trường THPT Chuyên,Hội Tin học tỉnh,không,,,không
            """;
        var before = await Total(moderator);
        var preview = await moderator.PostAsync("/api/experts/import?dryRun=true", Csv(csv));
        preview.EnsureSuccessStatusCode();
        var report = await preview.JsonAsync();
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.Equal("utf-8", report.GetProperty("encoding").GetString());
        Assert.Equal(before, await Total(moderator));

        var imported = await (await moderator.PostAsync("/api/experts/import?dryRun=false", Csv(csv, bom: true))).JsonAsync();
        Assert.True(imported.GetProperty("imported").GetBoolean());
        Assert.Equal("utf-8-bom", imported.GetProperty("encoding").GetString());
        Assert.Equal(before + 2, await Total(moderator));

        var changed = csv.Replace("Viện CNTT", "Viện Công nghệ thông tin");
        var again = await (await moderator.PostAsync("/api/experts/import?dryRun=false", Csv(changed))).JsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(1, again.GetProperty("updated").GetInt32());
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(before + 2, await Total(moderator));
        var binh = await (await moderator.GetAsync("/api/experts?q=tran%20van%20binh")).JsonAsync();
        Assert.Equal("Viện Công nghệ thông tin", binh.GetProperty("items")[0].GetProperty("organisation").GetString());
        Assert.Equal("GS.TSKH. Trần Văn Bình", binh.GetProperty("items")[0].GetProperty("titledName").GetString());
    }

    [Fact]
    public async Task Wrong_columns_bad_rows_and_duplicate_rows_are_reported_per_row_and_nothing_is_imported()
    {
        var moderator = await app.As("moderator");
        var before = await Total(moderator);

        var wrongColumns = await moderator.PostAsync("/api/experts/import?dryRun=false", Csv("name,degree\nA,TS\n"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongColumns.StatusCode);
        var columnErrors = (await wrongColumns.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(columnErrors, e => e.GetProperty("column").GetString() == "name" && e.GetProperty("row").GetInt32() == 1);
        Assert.Contains(columnErrors, e => e.GetProperty("column").GetString() == "ho_ten");

        // UTF-16 (a spreadsheet's "Unicode text"): neither UTF-8 nor Windows-1258 reads its header, so nothing is imported.
        var utf16 = await moderator.PostAsync("/api/experts/import?dryRun=false", Bytes([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes($"{Header}\nU-1,Lê Văn Tám,,TS,y tế,,,,có,,,\n")]));
        Assert.Equal(HttpStatusCode.BadRequest, utf16.StatusCode);
        Assert.Contains((await utf16.JsonAsync()).GetProperty("errors").EnumerateArray(), e => e.GetProperty("column").GetString() == "ho_ten");

        var badRows = $"""
            {Header}
            X-1,Good Person,,TS,y tế,,,,có,good@example.vn,,
            X-2,Bad Degree,,Tiến sĩ giỏi,y tế,,,,có,bad@example.vn,,
            X-3,Bad Contact,,TS,thiên văn,,,Hội Không Có,có,not-mail,123,
            X-1,Good Person Again,,TS,y tế,,,,có,again@example.vn,,
            """;
        var response = await moderator.PostAsync("/api/experts/import?dryRun=false", Csv(badRows));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "hoc_vi"), errors);
        Assert.Contains((4, "linh_vuc"), errors);
        Assert.Contains((4, "hoi_thanh_vien"), errors);
        Assert.Contains((4, "email"), errors);
        Assert.Contains((4, "dien_thoai"), errors);
        Assert.Contains((5, "ma_hoi_vien"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 2);
        Assert.Equal(before, await Total(moderator));
    }

    [Fact]
    public async Task A_windows_1258_file_is_read_as_vietnamese_and_found_without_diacritics()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var moderator = await app.As("moderator");
        var text = $"{Header}\nCP-1,Nguyễn Thị Diệu Hương,,TS,y tế,Dịch tễ học,Bệnh viện tỉnh,,có,huong@example.vn,,\n";
        var bytes = Encoding.GetEncoding(1258).GetBytes(Windows1258Form(text));
        Assert.Equal(text, Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC));

        var report = await (await moderator.PostAsync("/api/experts/import?dryRun=false", Bytes(bytes))).JsonAsync();
        Assert.Equal("windows-1258", report.GetProperty("encoding").GetString());
        var found = await (await moderator.GetAsync("/api/experts?q=dieu%20huong%20dich%20te")).JsonAsync();
        Assert.Equal("Nguyễn Thị Diệu Hương", found.GetProperty("items")[0].GetProperty("fullName").GetString());
    }

    /// <summary>Windows-1258 holds â, ê, ô, ă, ơ, ư precomposed but tones only as combining marks.</summary>
    private static string Windows1258Form(string text)
    {
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var result = new StringBuilder();
        foreach (var element in StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormD)).AsEnumerable())
        {
            var baseAndShape = new string([.. element.Where(c => !tones.Contains(c))]).Normalize(NormalizationForm.FormC);
            result.Append(baseAndShape).Append([.. element.Where(tones.Contains)]);
        }
        return result.ToString();
    }

    [Fact]
    public async Task Fifty_thousand_rows_import_in_one_go()
    {
        var moderator = await app.As("moderator");
        // Not a speed check (that is bench/): only room for a shared, busy machine to finish the work.
        moderator.Timeout = TimeSpan.FromMinutes(15);
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 50_000; i++)
            csv.Append($"BIG-{i},Chuyên gia số {i},,{(i % 10 == 0 ? "TS" : "ThS")},khoa học và công nghệ,,Viện {i % 50},,có,,,\n");
        var before = await Total(moderator);
        var doctorsBefore = await Total(moderator, "&degree=ts");
        var response = await moderator.PostAsync("/api/experts/import?dryRun=false", Csv(csv.ToString()));
        response.EnsureSuccessStatusCode();
        Assert.Equal(50_000, (await response.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(before + 50_000, await Total(moderator));
        Assert.Equal(doctorsBefore + 5_000, await Total(moderator, "&degree=ts"));
    }

    [Fact]
    public async Task The_export_has_a_bom_neutralised_formulas_and_contact_columns_for_admins_only()
    {
        var moderator = await app.As("moderator");
        var csv = $"{Header}\nINJ-1,=HYPERLINK(\"http://evil\"),,TS,đô thị,@SUM(A1),+Viện,,có,inj@example.vn,,\n";
        (await moderator.PostAsync("/api/experts/import?dryRun=false", Csv(csv))).EnsureSuccessStatusCode();

        var exported = await (await moderator.GetAsync("/api/experts/export?field=%C4%91%C3%B4%20th%E1%BB%8B")).Content.ReadAsByteArrayAsync();
        Assert.True(exported.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var text = Encoding.UTF8.GetString(exported, 3, exported.Length - 3);
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("'@SUM(A1)", text);
        Assert.Contains("'+Viện", text);
        Assert.DoesNotContain("email", text.Split('\n')[0]);
        Assert.DoesNotContain("inj@example.vn", text);

        var asAdmin = await (await (await app.As("admin")).GetAsync("/api/experts/export?field=%C4%91%C3%B4%20th%E1%BB%8B")).Content.ReadAsStringAsync();
        Assert.Contains("inj@example.vn", asAdmin);
    }

    [Fact]
    public async Task The_search_text_column_has_a_trigram_index()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select indexdef from pg_indexes where indexdef ilike '%gin_trgm_ops%'", connection);
        var definition = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(definition);
        Assert.Contains("gin (search_text gin_trgm_ops)", definition);
    }
}

file static class TextElements
{
    public static IEnumerable<string> AsEnumerable(this TextElementEnumerator enumerator)
    {
        while (enumerator.MoveNext()) yield return enumerator.GetTextElement();
    }
}
