using Npgsql;
using Nq45Consult.Consultation.Feedback.Likeness;
using Nq45Consult.TestSupport;

namespace Nq45Consult.Consultation.Tests.Feedback;

/// <summary>
/// Near-duplicate grouping computes trigram similarity in the app; the issue asks for pg_trgm's. The embedded test
/// cluster (UTF-8 ctype, as production must be) answers <c>similarity()</c> for the same pairs.
/// </summary>
public class TextLikenessAgainstPgTrgmTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa",
          "Chúng tôi đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên ở vùng sâu, vùng xa." },
        { "Đề nghị giữ nguyên quy định về thời gian làm việc của giáo viên vùng sâu vùng xa",
          "Đề nghị sửa quy định về thời gian nghỉ phép của bác sĩ tuyến huyện" },
        { "Cần bổ sung kinh phí bảo trì đường giao thông nông thôn cho các tỉnh miền núi phía Bắc",
          "CẦN BỔ SUNG KINH PHÍ BẢO TRÌ ĐƯỜNG GIAO THÔNG NÔNG THÔN — Điều 5, khoản 2 (năm 2026)!" },
        { "Tăng chỉ tiêu lên 1.500 trí thức trẻ mỗi năm; ưu tiên ngành bán dẫn, AI.", "tang chi tieu len 1500 tri thuc tre" },
        { "word", "two words" },
        { "a", "b c d" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_apps_similarity_is_the_databases(string a, string b)
    {
        await using var connection = new NpgsqlConnection(TestCluster.CreateDatabase("pg-trgm"));
        await connection.OpenAsync();
        await using (var extension = new NpgsqlCommand("create extension if not exists pg_trgm", connection)) await extension.ExecuteNonQueryAsync();
        await using var similarity = new NpgsqlCommand("select similarity($1, $2)", connection) { Parameters = { new() { Value = a }, new() { Value = b } } };
        var database = Convert.ToDouble(await similarity.ExecuteScalarAsync());

        // similarity() answers a float4: agree to its precision.
        Assert.Equal(database, TextLikeness.Similarity(a, b), 5);
    }
}
