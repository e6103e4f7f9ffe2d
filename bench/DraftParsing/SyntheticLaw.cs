using System.Text;

namespace Nq45Consult.Bench.DraftParsing;

/// <summary>
/// A law as agencies paste it: header block, preamble, chapters of twenty articles, each with three
/// clauses and three points in the second clause, and the closing. One line per heading, clause or point.
/// </summary>
public static class SyntheticLaw
{
    private const int ArticlesPerChapter = 20;
    private const string Sentence = "Cơ quan chủ trì soạn thảo có trách nhiệm tổng hợp, tiếp thu, giải trình ý kiến góp ý của các nhà khoa học, chuyên gia và công khai trên cổng thông tin điện tử";

    /// <summary>Sections the law gives: its chapters, and per article the article, three clauses and three points.</summary>
    public static int SectionsOf(int articles) => Chapters(articles) + articles * 7;

    public static string WithArticles(int articles)
    {
        var text = new StringBuilder();
        text.Append("QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n");
        text.Append("Luật số: 99/2026/QH15\nHà Nội, ngày 01 tháng 12 năm 2026\n\nLUẬT\nTƯ VẤN, PHẢN BIỆN VÀ GIÁM ĐỊNH XÃ HỘI\n\n");
        text.Append("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Tư vấn, phản biện và giám định xã hội.\n\n");
        for (var article = 1; article <= articles; article++)
        {
            if ((article - 1) % ArticlesPerChapter == 0)
            {
                text.Append($"Chương {(article - 1) / ArticlesPerChapter + 1}\nQUY ĐỊNH NHÓM {(article - 1) / ArticlesPerChapter + 1}\n");
            }

            text.Append($"Điều {article}. Nội dung điều {article}\n");
            text.Append($"1. {Sentence} (khoản 1).\n");
            text.Append($"2. {Sentence}, gồm:\n");
            foreach (var point in "abc")
            {
                text.Append($"{point}) {Sentence} (điểm {point});\n");
            }

            text.Append($"3. {Sentence} (khoản 3).\n");
        }

        text.Append($"\nLuật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 10 thông qua ngày 01 tháng 12 năm 2026.\n\nCHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\n");
        return text.ToString();
    }

    private static int Chapters(int articles) => (articles + ArticlesPerChapter - 1) / ArticlesPerChapter;
}
